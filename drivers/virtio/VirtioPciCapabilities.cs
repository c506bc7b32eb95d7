using Uk.Drivers.Pci;

namespace Uk.Drivers.Virtio;

// Where a modern device's register blocks are: each vendor-specific capability names a
// structure type, a BAR and a range inside it. Ranges that do not fit their BAR, or that
// point at a BAR that is not memory, are ignored, as if the capability were absent.
public sealed class VirtioPciCapabilities
{
    public const byte CommonConfig = 1;
    public const byte NotifyConfig = 2;
    public const byte IsrConfig = 3;
    public const byte DeviceConfig = 4;

    private const int MaximumCapabilities = 16;

    public VirtioRegion Common { get; private set; }

    public VirtioRegion Notify { get; private set; }

    public VirtioRegion Isr { get; private set; }

    public VirtioRegion Device { get; private set; }

    public uint NotifyOffsetMultiplier { get; private set; }

    // Capabilities that named a type we use but did not fit their BAR.
    public int Rejected { get; private set; }

    public bool IsComplete => Common.IsPresent && Notify.IsPresent && Isr.IsPresent;

    public static VirtioPciCapabilities Read(IPciConfigSpace space, PciAddress address, PciBar[] bars)
    {
        var found = new VirtioPciCapabilities();
        var offsets = new int[MaximumCapabilities];
        int count = CapabilityList.FindAll(space, address, CapabilityList.VendorSpecific, offsets);
        for (int i = 0; i < count; i++)
        {
            int at = offsets[i];
            byte type = space.Read8(address, at + 3);
            byte barIndex = space.Read8(address, at + 4);
            uint offset = space.Read32(address, at + 8);
            uint length = space.Read32(address, at + 12);
            if (type < CommonConfig || type > DeviceConfig)
                continue;
            // The first capability of each type is the preferred one.
            if (found.Has(type))
                continue;
            if (barIndex >= bars.Length || !bars[barIndex].IsMemory || length == 0 || !bars[barIndex].Contains(offset, length))
            {
                found.Rejected++;
                continue;
            }
            var region = new VirtioRegion(barIndex, bars[barIndex].Address + offset, length);
            switch (type)
            {
                case CommonConfig: found.Common = region; break;
                case NotifyConfig:
                    found.Notify = region;
                    found.NotifyOffsetMultiplier = space.Read32(address, at + 16);
                    break;
                case IsrConfig: found.Isr = region; break;
                case DeviceConfig: found.Device = region; break;
            }
        }
        return found;
    }

    private bool Has(byte type) => type switch
    {
        CommonConfig => Common.IsPresent,
        NotifyConfig => Notify.IsPresent,
        IsrConfig => Isr.IsPresent,
        _ => Device.IsPresent,
    };
}

// A register block inside a memory BAR, by physical address.
public readonly struct VirtioRegion
{
    public VirtioRegion(int bar, ulong address, uint length)
    {
        Bar = bar;
        Address = address;
        Length = length;
    }

    public int Bar { get; }

    public ulong Address { get; }

    public uint Length { get; }

    public bool IsPresent => Length != 0;
}
