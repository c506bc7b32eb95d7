using Uk.Alloc;
using Uk.Core;
using Uk.Drivers.Pci;
using Uk.NetDev;

namespace Uk.Drivers.E1000;

// Claims the Intel functions E1000Chip knows and registers each as a network interface,
// eth0, eth1, ... in bus order (after any a driver listed earlier in the manifest took).
public static unsafe class E1000Library
{
    private const int MaximumRing = 4096;
    // Only Intel's Ethernet controllers are offered: its bridges, storage and USB functions
    // are left to their own drivers.
    private const int NetworkClass = 0x02;
    private const int EthernetSubclass = 0x00;

    public static void Initialize()
    {
        PciBus.RegisterDriver("e1000", new PciDriverMatch(E1000Chip.IntelVendor, PciDriverMatch.AnyDevice, NetworkClass, EthernetSubclass), Probe);
    }

    private static bool Probe(PciDevice device)
    {
        E1000Chip? chip = E1000Chip.Find(device.DeviceId);
        if (chip is null)
            return false;
        string at = device.Address.ToString();
        // Sizing the BARs pauses decoding, so do it before the device is enabled.
        PciBar registers = device.Bars[0];
        if (!registers.IsMemory || registers.Size < 0x6000 || !Reachable(registers))
        {
            Log.Warn("e1000: " + at + ": BAR 0 is not a register window the kernel can reach (" + registers.ToString() + ")");
            return false;
        }
        DescriptorRing? rx = AllocateRing(RingSize(E1000Options.RxRingSize));
        DescriptorRing? tx = rx is null ? null : AllocateRing(RingSize(E1000Options.TxRingSize));
        if (rx is null || tx is null)
        {
            Log.Warn("e1000: " + at + ": no memory for the descriptor rings");
            return false;
        }
        device.Enable(busMaster: true, legacyInterrupts: E1000Options.Interrupts);
        string name = NetDevices.NextName;
        var net = new E1000Device(name, chip, new MmioRegisters(registers.Address), rx, tx, E1000Options.RxBuffers, E1000Options.TxBuffers);
        string? vectors = E1000Options.Interrupts && chip.HasMsiX ? AttachMessages(device, net) : null;
        net.UsesMessages = vectors is not null;
        net.UsesInterrupts = net.UsesMessages || E1000Options.Interrupts && PciInterrupts.AttachLegacy(device, net.OnInterrupt);
        if (!net.Start())
        {
            Log.Warn("e1000: " + at + ": " + chip.Name + " did not come out of reset with a MAC address");
            return false;
        }
        NetDevices.Register(net);
        Log.Info("e1000: " + name + " at " + at + ", " + chip.Name + ", mac " + net.Mac.ToString() + ", link " + (net.LinkUp ? "up" : "down")
            + ", rings " + rx.Count.ToString() + "/" + tx.Count.ToString()
            + (vectors is not null ? ", msi-x vectors " + vectors
                : net.UsesInterrupts ? ", irq " + device.InterruptLine.ToString() : ", polled"));
        return true;
    }

    // MSI-X entries 0-2 (receive, transmit, other causes); their vectors for the log, or null
    // (and MSI-X off again) when the function, the machine or the vectors are not there: INTx then.
    private static string? AttachMessages(PciDevice device, E1000Device net)
    {
        PciMsiX? msix = PciMsiX.Open(device);
        if (msix is null || msix.TableSize < 3)
            return null;
        msix.Enable();
        int receive = msix.Attach(0, net.OnReceiveMessage);
        int transmit = receive >= 0 ? msix.Attach(1, net.OnTransmitMessage) : -1;
        int other = transmit >= 0 ? msix.Attach(2, net.OnOtherMessage) : -1;
        if (other >= 0)
            return "0x" + receive.ToString("x2") + "/0x" + transmit.ToString("x2") + "/0x" + other.ToString("x2");
        msix.Disable();
        return null;
    }

    // A multiple of 8 descriptors (the length register counts 128-byte units) within the
    // limit; anything else gets the default.
    private static int RingSize(int wanted) => wanted >= 8 && wanted <= MaximumRing && wanted % 8 == 0 ? wanted : 256;

    private static DescriptorRing? AllocateRing(int count)
    {
        int bytes = count * DescriptorRing.DescriptorBytes;
        byte* memory = (byte*)Heap.AllocateAligned((nuint)bytes, 4096);
        if (memory == null)
            return null;
        for (int i = 0; i < bytes; i++)
            memory[i] = 0;
        return new DescriptorRing(memory, count);
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
