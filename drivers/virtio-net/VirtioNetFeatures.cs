using Uk.Drivers.Virtio;

namespace Uk.Drivers.VirtioNet;

// The virtio-net feature bits this driver knows (virtio 1.x, "Network Device") and the
// choice of which to ask for, kept free of hardware access so host tests can check it.
public static class VirtioNetFeatures
{
    public const ulong Checksum = 1UL << 0;
    public const ulong GuestChecksum = 1UL << 1;
    public const ulong Mtu = 1UL << 3;
    public const ulong Mac = 1UL << 5;
    public const ulong MergeableReceiveBuffers = 1UL << 15;
    public const ulong Status = 1UL << 16;
    // Legacy only: the header may share a descriptor with the frame (implied by VERSION_1).
    public const ulong AnyLayout = 1UL << 27;

    // What to offer the device: MAC, STATUS, MTU and ANY_LAYOUT always; the offloads and
    // mergeable buffers as the options say. TSO, LRO, the control queue and multiqueue are
    // never asked for, so the device sends no GSO frames and needs no control commands.
    public static ulong Wanted(bool checksumOffload, bool mergeable, bool eventIndex)
    {
        ulong wanted = Mac | Status | Mtu | AnyLayout;
        if (checksumOffload)
            wanted |= Checksum | GuestChecksum;
        if (mergeable)
            wanted |= MergeableReceiveBuffers;
        if (eventIndex)
            wanted |= VirtioFeatures.RingEventIndex;
        return wanted;
    }

    // The virtio_net_hdr in front of every frame: 12 bytes (with num_buffers) on a modern
    // device or when mergeable buffers were accepted, else the legacy 10.
    public static int HeaderLength(ulong accepted) =>
        (accepted & (VirtioFeatures.Version1 | MergeableReceiveBuffers)) != 0 ? VirtioNetHeader.LengthWithBufferCount : VirtioNetHeader.LegacyLength;

    // Whether the header may sit right in front of the frame in one descriptor.
    public static bool HeaderMaySharePlacement(ulong accepted) => (accepted & (VirtioFeatures.Version1 | AnyLayout)) != 0;

    private static readonly ulong[] NamedBits = [Mac, Status, Mtu, Checksum, GuestChecksum, MergeableReceiveBuffers, VirtioFeatures.RingEventIndex];
    private static readonly string[] Names = ["mac", "status", "mtu", "csum", "guest-csum", "mrg-rxbuf", "event-idx"];

    // The accepted features this driver uses, for the boot log ("mac status mrg-rxbuf ...").
    public static string Describe(ulong accepted)
    {
        string text = "";
        for (int i = 0; i < NamedBits.Length; i++)
        {
            if ((accepted & NamedBits[i]) != 0)
                text += (text.Length > 0 ? " " : "") + Names[i];
        }
        return text.Length == 0 ? "none" : text;
    }
}
