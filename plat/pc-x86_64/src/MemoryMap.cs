using System.Runtime.InteropServices;

namespace Uk.Plat.PcX86_64;

// Both boot protocols describe RAM with the same 24-byte entry {base, length, type}; only
// where the entries are and their stride differ.
internal readonly unsafe struct MemoryMap
{
    private const uint AvailableRam = 1;

    private readonly byte* _entries;
    private readonly int _count;
    private readonly int _stride;

    public MemoryMap(byte* entries, int count, int stride)
    {
        _entries = entries;
        _count = count;
        _stride = stride;
    }

    public int Count => _count;

    public bool IsAvailable(int index, out ulong start, out ulong length)
    {
        Entry* entry = (Entry*)(_entries + index * _stride);
        start = entry->Base;
        length = entry->Length;
        return entry->Type == AvailableRam;
    }

    public ulong TotalAvailable
    {
        get
        {
            ulong total = 0;
            for (int i = 0; i < _count; i++)
            {
                if (IsAvailable(i, out _, out ulong length))
                    total += length;
            }
            return total;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public ulong Base;
        public ulong Length;
        public uint Type;
        public uint Reserved;
    }
}
