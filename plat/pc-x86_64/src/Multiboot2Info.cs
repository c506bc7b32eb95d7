namespace Uk.Plat.PcX86_64;

// Reads the multiboot2 boot information GRUB leaves in memory.
internal readonly unsafe struct Multiboot2Info
{
    private const uint TagEnd = 0;
    private const uint TagCommandLine = 1;
    private const uint TagBootLoaderName = 2;
    private const uint TagMemoryMap = 6;

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

    private byte* FindTag(uint type, int payloadOffset)
    {
        byte* tag = _start + 8;
        byte* end = _start + TotalSize;
        while (tag + 8 <= end)
        {
            uint tagType = *(uint*)tag;
            uint size = *(uint*)(tag + 4);
            if (tagType == TagEnd || size < 8)
                break;
            if (tagType == type)
                return tag + payloadOffset;
            tag += (size + 7) & ~7u;
        }
        return null;
    }
}
