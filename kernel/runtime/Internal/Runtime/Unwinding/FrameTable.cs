namespace Internal.Runtime.Unwinding;

// Finds the FDE covering a pc through the search table of .eh_frame_hdr, which the linker
// builds sorted by function start (ld --eh-frame-hdr): a binary search, no setup at boot.
internal readonly unsafe struct FrameTable
{
    private const byte SupportedVersion = 1;
    // The only table encoding ld emits: 4-byte signed values relative to the header.
    private const byte DataRelativeSdata4 = 0x3B;

    private readonly byte* _header;
    private readonly int* _entries;
    private readonly uint _count;

    internal FrameTable(byte* header)
    {
        _header = null;
        _entries = null;
        _count = 0;
        if (header == null || header[0] != SupportedVersion || header[3] != DataRelativeSdata4)
            return;
        DwarfCursor cursor = new DwarfCursor(header + 4);
        cursor.ReadEncoded(header[1]);
        ulong count = cursor.ReadEncoded(header[2], (ulong)header);
        _header = header;
        _entries = (int*)cursor.Position;
        _count = (uint)count;
    }

    internal uint Count => _count;

    internal bool TryFind(ulong pc, out FrameDescription description)
    {
        description = default;
        if (_count == 0)
            return false;
        // Each entry is (function start, FDE address), both relative to the header.
        long target = (long)(pc - (ulong)_header);
        if (target < _entries[0])
            return false;
        uint low = 0;
        uint high = _count;
        while (high - low > 1)
        {
            uint middle = low + (high - low) / 2;
            if (_entries[middle * 2] <= target)
                low = middle;
            else
                high = middle;
        }
        byte* fde = _header + _entries[low * 2 + 1];
        return FrameDescription.TryParse(fde, out description) && description.Covers(pc);
    }
}
