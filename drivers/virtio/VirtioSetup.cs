using Uk.Alloc;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Virtio;

// The initialisation sequence every virtio driver follows: reset, acknowledge, negotiate
// features, set up queues, then DRIVER_OK (or FAILED when something is refused).
public static unsafe class VirtioSetup
{
    // The modern transport when the device offers its capabilities, else the legacy one.
    public static IVirtioTransport? OpenTransport(PciDevice device)
    {
        IVirtioTransport? modern = ModernPciTransport.Open(device);
        if (modern is not null)
            return modern;
        return LegacyPciTransport.Open(device);
    }

    // Accepts what both sides support out of wanted; false (device marked FAILED) when a
    // modern device does not accept the result or does not offer VERSION_1.
    public static bool Negotiate(IVirtioTransport transport, ulong wanted, out ulong accepted)
    {
        transport.Reset();
        transport.Status = VirtioStatus.Acknowledge;
        transport.Status = VirtioStatus.Acknowledge | VirtioStatus.Driver;
        ulong offered = transport.DeviceFeatures;
        accepted = 0;
        if (transport.IsModern)
        {
            if ((offered & VirtioFeatures.Version1) == 0)
            {
                Fail(transport);
                return false;
            }
            wanted |= VirtioFeatures.Version1;
        }
        else
            wanted &= 0xFFFFFFFFUL;
        accepted = offered & wanted;
        transport.SetDriverFeatures(accepted);
        if (transport.IsModern)
        {
            transport.Status = VirtioStatus.Acknowledge | VirtioStatus.Driver | VirtioStatus.FeaturesOk;
            if ((transport.Status & VirtioStatus.FeaturesOk) == 0)
            {
                Fail(transport);
                return false;
            }
        }
        return true;
    }

    // Allocates a ring of the device's size (or wantedSize, if the transport lets us
    // choose) in identity-mapped memory and gives it to the device; null on failure.
    public static SplitQueue? CreateQueue(IVirtioTransport transport, int index, ushort wantedSize, bool eventIndex)
    {
        ushort maximum = transport.MaximumQueueSize(index);
        if (maximum == 0)
            return null;
        ushort size = transport.CanResizeQueues && wantedSize < maximum ? wantedSize : maximum;
        if (!RingLayout.IsValidSize(size))
            return null;
        var layout = new RingLayout(size);
        byte* memory = (byte*)Heap.AllocateAligned((nuint)layout.TotalBytes, RingLayout.LegacyAlignment);
        if (memory == null)
            return null;
        for (int i = 0; i < layout.TotalBytes; i++)
            memory[i] = 0;
        var ring = new SplitQueue(memory, size, eventIndex);
        if (!transport.ActivateQueue(index, size, ring, (ulong)memory))
        {
            Heap.Free(memory);
            return null;
        }
        return ring;
    }

    public static void Start(IVirtioTransport transport) => transport.Status = (byte)(transport.Status | VirtioStatus.DriverOk);

    public static void Fail(IVirtioTransport transport) => transport.Status = (byte)(transport.Status | VirtioStatus.Failed);
}
