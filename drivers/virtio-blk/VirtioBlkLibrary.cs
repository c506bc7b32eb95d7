using Uk.BlkDev;
using Uk.Core;
using Uk.Drivers.Pci;
using Uk.Drivers.Virtio;

namespace Uk.Drivers.VirtioBlk;

// Claims every virtio block function on the bus (modern and transitional ids) and registers
// each as a disk, named vda, vdb, ... in bus order.
public static class VirtioBlkLibrary
{
    private const ulong WantedFeatures =
        VirtioBlkProtocol.FeatureReadOnly | VirtioBlkProtocol.FeatureBlockSize | VirtioBlkProtocol.FeatureFlush
        | VirtioFeatures.RingEventIndex;

    private static int s_disks;

    // One registration for every virtio function, so disks are named in bus order whichever
    // of the two ids each one has; the probe declines the other device types.
    public static void Initialize() =>
        PciBus.RegisterDriver("virtio-blk", new PciDriverMatch(VirtioPciIds.Vendor, PciDriverMatch.AnyDevice), Probe);

    private static bool Probe(PciDevice device)
    {
        if (device.DeviceId != VirtioPciIds.Transitional(VirtioPciIds.TypeBlock) && device.DeviceId != VirtioPciIds.Modern(VirtioPciIds.TypeBlock))
            return false;
        // Sizing the BARs pauses decoding, so do it before the device is enabled.
        _ = device.Bars;
        device.Enable(busMaster: true, legacyInterrupts: true);
        IVirtioTransport? transport = VirtioSetup.OpenTransport(device);
        if (transport is null)
        {
            Log.Warn("virtio-blk: " + device.Address.ToString() + ": no usable transport (capabilities or BAR 0 missing)");
            return false;
        }
        if (!VirtioSetup.Negotiate(transport, WantedFeatures, out ulong features))
        {
            Log.Warn("virtio-blk: " + device.Address.ToString() + ": feature negotiation refused");
            return false;
        }
        bool eventIndex = (features & VirtioFeatures.RingEventIndex) != 0;

        // MSI-X entry 0 for the request queue where the device and the machine allow it;
        // otherwise (legacy transport, PIC-only machine, refused vector) INTx.
        VirtioBlockDevice? disk = null;
        int messageVector = -1;
        PciMsiX? msix = transport.IsModern && VirtioBlkOptions.Interrupts ? PciMsiX.Open(device) : null;
        if (msix is not null)
        {
            msix.Enable();
            messageVector = msix.Attach(0, () => disk?.OnMessage());
        }
        SplitQueue? queue = messageVector >= 0
            ? VirtioSetup.CreateQueue(transport, 0, (ushort)VirtioBlkOptions.QueueSize, eventIndex, 0)
            : null;
        if (queue is null)
        {
            if (msix is not null)
                msix.Disable();
            messageVector = -1;
            queue = VirtioSetup.CreateQueue(transport, 0, (ushort)VirtioBlkOptions.QueueSize, eventIndex);
        }
        if (queue is null)
        {
            VirtioSetup.Fail(transport);
            Log.Warn("virtio-blk: " + device.Address.ToString() + ": request queue could not be set up");
            return false;
        }
        string name = "vd" + (char)('a' + s_disks);
        disk = new VirtioBlockDevice(name, transport, queue, features);
        disk.UsesInterrupts = messageVector >= 0 || VirtioBlkOptions.Interrupts && PciInterrupts.AttachLegacy(device, disk.OnInterrupt);
        if (!disk.UsesInterrupts)
            queue.SuppressInterrupts(true);
        VirtioSetup.Start(transport);
        s_disks++;
        BlockDevices.Register(disk);
        Log.Info("virtio-blk: " + name + " at " + device.Address.ToString() + ", " + transport.Name + " transport, "
            + disk.SectorCount.ToString() + " sectors of " + disk.SectorSize.ToString() + " bytes"
            + (disk.IsReadOnly ? ", read-only" : "") + (disk.HasFlush ? ", flush" : "")
            + (eventIndex ? ", event index" : "") + ", queue " + queue.Size.ToString()
            + (messageVector >= 0 ? ", msi-x vector 0x" + messageVector.ToString("x2")
                : disk.UsesInterrupts ? ", irq " + device.InterruptLine.ToString() : ", polled"));
        return true;
    }
}
