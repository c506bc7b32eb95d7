namespace Uk.Plat.PcX86_64;

// Reads the multiboot2 boot information GRUB leaves in memory.
internal readonly unsafe struct Multiboot2Info
{
    private const uint TagEnd = 0;
    private const uint TagCommandLine = 1;
    private const uint TagBootLoaderName = 2;
    private const uint TagModule = 3;
    private const uint TagMemoryMap = 6;
    private const uint TagFramebuffer = 8;
    private const uint TagAcpiOldRsdp = 14;
    private const uint TagAcpiNewRsdp = 15;

    private readonly byte* _start;

    public Multiboot2Info(byte* start) => _start = start;

    public uint TotalSize => *(uint*)_start;

    public sbyte* CommandLine => (sbyte*)FindTag(TagCommandLine, 8);

    public sbyte* BootLoaderName => (sbyte*)FindTag(TagBootLoaderName, 8);

    public MemoryMap MemoryMap
    {
        get
        {
            byte* tag = FindTag(TagMemoryMap, 0);
            if (tag == null)
                return default;
            uint size = *(uint*)(tag + 4);
            uint entrySize = *(uint*)(tag + 8);
            return new MemoryMap(tag + 16, (int)((size - 16) / entrySize), (int)entrySize);
        }
    }

    // GRUB's copy of the firmware's RSDP, the ACPI 2.0 one when there is one; null if none.
    public byte* AcpiRsdp(out int length)
    {
        byte* tag = FindTag(TagAcpiNewRsdp, 0);
        if (tag == null)
            tag = FindTag(TagAcpiOldRsdp, 0);
        length = tag == null ? 0 : (int)(*(uint*)(tag + 4) - 8);
        return tag == null ? null : tag + 8;
    }

    // The framebuffer info tag (type 8), or null: GRUB's mode (BootFramebuffer reads it).
    public byte* FramebufferTag => FindTag(TagFramebuffer, 0);

    public int ModuleCount
    {
        get
        {
            int count = 0;
            while (FindTag(TagModule, 0, count) != null)
                count++;
            return count;
        }
    }

    // A boot module (a file GRUB loaded with `module2`): {start, end} after the tag header.
    public AddressRange Module(int index)
    {
        byte* tag = FindTag(TagModule, 0, index);
        return new AddressRange(*(uint*)(tag + 8), *(uint*)(tag + 12));
    }

    private byte* FindTag(uint type, int payloadOffset, int skip = 0)
    {
        byte* tag = _start + 8;
        byte* end = _start + TotalSize;
        while (tag + 8 <= end)
        {
            uint tagType = *(uint*)tag;
            uint size = *(uint*)(tag + 4);
            if (tagType == TagEnd || size < 8)
                break;
            if (tagType == type && skip-- == 0)
                return tag + payloadOffset;
            tag += (size + 7) & ~7u;
        }
        return null;
    }
}
