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
        SplitQueue? queue = VirtioSetup.CreateQueue(transport, 0, (ushort)VirtioBlkOptions.QueueSize, eventIndex);
        if (queue is null)
        {
            VirtioSetup.Fail(transport);
            Log.Warn("virtio-blk: " + device.Address.ToString() + ": request queue could not be set up");
            return false;
        }
        string name = "vd" + (char)('a' + s_disks);
        var disk = new VirtioBlockDevice(name, transport, queue, features);
        disk.UsesInterrupts = PciInterrupts.AttachLegacy(device, disk.OnInterrupt);
        VirtioSetup.Start(transport);
        s_disks++;
        BlockDevices.Register(disk);
        Log.Info("virtio-blk: " + name + " at " + device.Address.ToString() + ", " + transport.Name + " transport, "
            + disk.SectorCount.ToString() + " sectors of " + disk.SectorSize.ToString() + " bytes"
            + (disk.IsReadOnly ? ", read-only" : "") + (disk.HasFlush ? ", flush" : "")
            + (eventIndex ? ", event index" : "") + ", queue " + queue.Size.ToString()
            + (disk.UsesInterrupts ? ", irq " + device.InterruptLine.ToString() : ", polled"));
        return true;
    }
}
