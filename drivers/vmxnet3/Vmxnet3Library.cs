using Uk.Alloc;
using Uk.Core;
using Uk.Drivers.Pci;
using Uk.NetDev;

namespace Uk.Drivers.Vmxnet3;

// Claims every VMXNET3 function (15ad:07b0) and registers each as a network interface,
// eth0, eth1, ... in bus order.
public static unsafe class Vmxnet3Library
{
    private const ushort VmwareVendor = 0x15AD;
    private const ushort Vmxnet3Device = 0x07B0;
    // The device wants rings 512-byte aligned and the queue table 128-byte aligned.
    private const int RingAlignment = 512;

    public static void Initialize()
    {
        PciBus.RegisterDriver("vmxnet3", PciDriverMatch.Device(VmwareVendor, Vmxnet3Device), Probe);
    }

    private static bool Probe(PciDevice device)
    {
        string at = device.Address.ToString();
        // Sizing the BARs pauses decoding, so do it before the device is enabled.
        PciBar[] bars = device.Bars;
        if (!bars[0].IsMemory || !bars[1].IsMemory || bars[0].Size < 0x1000 || bars[1].Size < 0x1000 || !Reachable(bars[0]) || !Reachable(bars[1]))
        {
            Log.Warn("vmxnet3: " + at + ": BARs 0 and 1 are not register windows the kernel can reach");
            return false;
        }
        int rxSize = RingSize(Vmxnet3Options.RxRingSize);
        int txSize = RingSize(Vmxnet3Options.TxRingSize);
        DmaBlock? shared = Allocate(SharedArea.Bytes);
        DmaBlock? queues = Allocate(SharedArea.QueueTableBytes);
        DmaBlock? rxRing = Allocate(rxSize * 16);
        DmaBlock? spare = Allocate(RxQueue.SpareSize * 16);
        DmaBlock? rxCompletions = Allocate((rxSize + RxQueue.SpareSize) * 16);
        DmaBlock? txRing = Allocate(txSize * 16);
        DmaBlock? txCompletions = Allocate(txSize * 16);
        if (shared is null || queues is null || rxRing is null || spare is null || rxCompletions is null || txRing is null || txCompletions is null)
        {
            Log.Warn("vmxnet3: " + at + ": no memory for the rings");
            return false;
        }
        device.Enable(busMaster: true, legacyInterrupts: Vmxnet3Options.Interrupts);
        string name = NetDevices.NextName;
        var statistics = new NetDeviceStatistics();
        const int maximumFrame = 14 + 1500 + 4;
        var rxPool = new NetBufferPool(Vmxnet3Options.RxBuffers > rxSize ? Vmxnet3Options.RxBuffers : rxSize, RxQueue.BufferBytes, 0);
        var rx = new RxQueue(rxRing, spare, rxCompletions, rxPool, statistics, maximumFrame);
        var tx = new TxQueue(txRing, txCompletions);
        var txPool = new NetBufferPool(Vmxnet3Options.TxBuffers > txSize + 32 ? Vmxnet3Options.TxBuffers : txSize + 32, maximumFrame, 0);
        var net = new Vmxnet3Device(name, new MmioRegisters(bars[0].Address, bars[1].Address), shared, queues, rx, tx, txPool, statistics);
        string? vectors = Vmxnet3Options.Interrupts ? AttachMessages(device, net) : null;
        net.UsesMessages = vectors is not null;
        net.UsesInterrupts = net.UsesMessages || Vmxnet3Options.Interrupts && PciInterrupts.AttachLegacy(device, net.OnInterrupt);
        if (!net.Start())
        {
            Log.Warn("vmxnet3: " + at + ": the device offers no revision 1 or refused activation");
            return false;
        }
        NetDevices.Register(net);
        Log.Info("vmxnet3: " + name + " at " + at + ", mac " + net.Mac.ToString() + ", link " + (net.LinkUp ? "up" : "down")
            + ", rings " + rxSize.ToString() + "/" + txSize.ToString()
            + (vectors is not null ? ", msi-x vectors " + vectors : net.UsesInterrupts ? ", irq " + device.InterruptLine.ToString() : ", polled"));
        return true;
    }

    // MSI-X entries for receive, transmit and events; their vectors for the log, or null (and
    // MSI-X off again) when the function, the machine or the vectors are not there: INTx then.
    private static string? AttachMessages(PciDevice device, Vmxnet3Device net)
    {
        PciMsiX? msix = PciMsiX.Open(device);
        if (msix is null || msix.TableSize < 3)
            return null;
        msix.Enable();
        int receive = msix.Attach(SharedArea.ReceiveVector, net.OnReceiveMessage);
        int transmit = receive >= 0 ? msix.Attach(SharedArea.TransmitVector, net.OnTransmitMessage) : -1;
        int events = transmit >= 0 ? msix.Attach(SharedArea.EventVector, net.OnEventMessage) : -1;
        if (events >= 0)
            return "0x" + receive.ToString("x2") + "/0x" + transmit.ToString("x2") + "/0x" + events.ToString("x2");
        msix.Disable();
        return null;
    }

    // A multiple of 32 descriptors within the device's limit; anything else gets the default.
    private static int RingSize(int wanted) => wanted >= 32 && wanted <= 4096 && wanted % 32 == 0 ? wanted : 256;

    private static DmaBlock? Allocate(int bytes)
    {
        byte* memory = (byte*)Heap.AllocateAligned((nuint)bytes, RingAlignment);
        if (memory == null)
            return null;
        var block = new DmaBlock(memory, bytes);
        block.Clear();
        return block;
    }

    // The first 4 GiB are identity-mapped; a BAR the firmware put higher is mapped 1:1 too.
    private static bool Reachable(PciBar bar)
    {
        if (bar.Address + bar.Size <= 0x1_0000_0000UL)
            return true;
        IAddressSpace? space = Kernel.AddressSpace;
        return space is not null && space.Map(bar.Address, bar.Address, bar.Size, PageRights.Writable | PageRights.CacheDisabled);
    }
}
