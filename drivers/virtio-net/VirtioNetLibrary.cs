using Uk.Core;
using Uk.Drivers.Pci;
using Uk.Drivers.Virtio;
using Uk.NetDev;

namespace Uk.Drivers.VirtioNet;

// Claims every virtio network function on the bus (modern and transitional ids) and
// registers each as a network interface, eth0, eth1, ... in bus order.
public static class VirtioNetLibrary
{
    public static void Initialize()
    {
        if (Kernel.Boot is not null)
        {
            CommandLine.Partition(CommandLine.Split(Kernel.Boot.CommandLine), out string[] parameters, out _);
            string problems = VirtioNetParameters.Apply(parameters);
            if (problems.Length > 0)
                Log.Warn("virtio-net: ignored kernel parameters (bad name or value out of range): " + problems);
        }
        FitBuffersInTheHeap();
        PciBus.RegisterDriver("virtio-net", new PciDriverMatch(VirtioPciIds.Vendor, PciDriverMatch.AnyDevice), Probe);
    }

    // Receive buffers may take half the free heap, transmit buffers a quarter (frames of up to
    // 1,600 bytes each); larger counts are lowered, and the log says so.
    private static void FitBuffersInTheHeap()
    {
        if (!Uk.Alloc.Heap.IsInstalled)
            return;
        ulong free = Uk.Alloc.Heap.Statistics.BytesFree;
        int rx = BufferBudget.Fit(VirtioNetOptions.RxBuffers, VirtioNetOptions.RxBufferSize, free / 2, 64);
        int tx = BufferBudget.Fit(VirtioNetOptions.TxBuffers, 1600, free / 4, 64);
        if (rx != VirtioNetOptions.RxBuffers || tx != VirtioNetOptions.TxBuffers)
            Log.Warn("virtio-net: " + VirtioNetOptions.RxBuffers.ToString() + " receive buffers of " + VirtioNetOptions.RxBufferSize.ToString() + " bytes and "
                + VirtioNetOptions.TxBuffers.ToString() + " transmit buffers do not fit in " + (free >> 20).ToString() + " MiB of free heap: using "
                + rx.ToString() + " and " + tx.ToString());
        VirtioNetOptions.RxBuffers = rx;
        VirtioNetOptions.TxBuffers = tx;
    }

    private static bool Probe(PciDevice device)
    {
        if (device.DeviceId != VirtioPciIds.Transitional(VirtioPciIds.TypeNetwork) && device.DeviceId != VirtioPciIds.Modern(VirtioPciIds.TypeNetwork))
            return false;
        // Sizing the BARs pauses decoding, so do it before the device is enabled.
        _ = device.Bars;
        device.Enable(busMaster: true, legacyInterrupts: true);
        IVirtioTransport? transport = VirtioSetup.OpenTransport(device);
        string at = device.Address.ToString();
        if (transport is null)
        {
            Log.Warn("virtio-net: " + at + ": no usable transport (capabilities or BAR 0 missing)");
            return false;
        }
        ulong wanted = VirtioNetFeatures.Wanted(VirtioNetOptions.ChecksumOffload, VirtioNetOptions.Mergeable, VirtioNetOptions.EventIndex);
        if (!VirtioSetup.Negotiate(transport, wanted, out ulong features))
        {
            Log.Warn("virtio-net: " + at + ": feature negotiation refused");
            return false;
        }
        bool eventIndex = (features & VirtioFeatures.RingEventIndex) != 0;
        ushort rxSize = QueueSize(VirtioNetOptions.RxQueueSize);
        ushort txSize = QueueSize(VirtioNetOptions.TxQueueSize);

        // MSI-X entries 0 (receive) and 1 (transmit) where the device and the machine allow;
        // otherwise (legacy transport, PIC-only machine, refused vectors) INTx.
        VirtioNetDevice? net = null;
        int rxVector = -1;
        int txVector = -1;
        PciMsiX? msix = transport.IsModern && VirtioNetOptions.Interrupts ? PciMsiX.Open(device) : null;
        if (msix is not null && msix.TableSize >= 2)
        {
            msix.Enable();
            rxVector = msix.Attach(0, () => net?.OnReceiveMessage());
            txVector = rxVector >= 0 ? msix.Attach(1, () => net?.OnTransmitMessage()) : -1;
        }
        SplitQueue? rx = null;
        SplitQueue? tx = null;
        if (rxVector >= 0 && txVector >= 0)
        {
            rx = VirtioSetup.CreateQueue(transport, 0, rxSize, eventIndex, 0);
            tx = rx is null ? null : VirtioSetup.CreateQueue(transport, 1, txSize, eventIndex, 1);
        }
        if (rx is null || tx is null)
        {
            if (msix is not null)
                msix.Disable();
            rxVector = -1;
            if (rx is not null || tx is not null)
            {
                // Queues half set up with vectors: start over on INTx.
                VirtioSetup.Negotiate(transport, wanted, out features);
            }
            rx = VirtioSetup.CreateQueue(transport, 0, rxSize, eventIndex);
            tx = rx is null ? null : VirtioSetup.CreateQueue(transport, 1, txSize, eventIndex);
        }
        if (rx is null || tx is null)
        {
            VirtioSetup.Fail(transport);
            Log.Warn("virtio-net: " + at + ": receive or transmit queue could not be set up");
            return false;
        }
        string name = NetDevices.NextName;
        net = new VirtioNetDevice(name, transport, rx, tx, features);
        net.UsesInterrupts = rxVector >= 0 || VirtioNetOptions.Interrupts && PciInterrupts.AttachLegacy(device, net.OnInterrupt);
        net.Prime();
        VirtioSetup.Start(transport);
        net.Kick();
        NetDevices.Register(net);
        Log.Info("virtio-net: " + name + " at " + at + ", " + transport.Name + " transport, mac " + net.Mac.ToString()
            + ", mtu " + net.Mtu.ToString() + ", link " + (net.LinkUp ? "up" : "down")
            + ", features " + VirtioNetFeatures.Describe(features)
            + ", queues " + rx.Size.ToString() + "/" + tx.Size.ToString() + ", rx buffers of " + net.ReceiveBufferSize.ToString()
            + (rxVector >= 0 ? ", msi-x vectors 0x" + rxVector.ToString("x2") + "/0x" + txVector.ToString("x2")
                : net.UsesInterrupts ? ", irq " + device.InterruptLine.ToString() : ", polled"));
        return true;
    }

    private static ushort QueueSize(int wanted) => RingLayout.IsValidSize(wanted) ? (ushort)wanted : (ushort)256;
}
