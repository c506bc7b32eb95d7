namespace Internal.Runtime.Unwinding;

// Reads the encodings of .eh_frame and .eh_frame_hdr (DWARF call frame information as the
// System V ABI stores it) from memory, advancing as it goes. Addresses are plain pointers:
// every encoding ILC and ld use is relative (to the field or to the header), so the same
// code reads the image in the guest and a copy of it loaded anywhere in a host test.
internal unsafe struct DwarfCursor
{
    // DW_EH_PE_* pointer encodings: the low nibble says the format, the high one what the
    // value is relative to.
    internal const byte EncodingOmit = 0xFF;
    private const byte FormatMask = 0x0F;
    private const byte Absolute8 = 0x00;
    private const byte Uleb128 = 0x01;
    private const byte Udata2 = 0x02;
    private const byte Udata4 = 0x03;
    private const byte Udata8 = 0x04;
    private const byte Sleb128 = 0x09;
    private const byte Sdata2 = 0x0A;
    private const byte Sdata4 = 0x0B;
    private const byte Sdata8 = 0x0C;
    private const byte RelativeMask = 0x70;
    private const byte PcRelative = 0x10;
    private const byte DataRelative = 0x30;
    private const byte Indirect = 0x80;

    internal byte* Position;

    internal DwarfCursor(byte* position) => Position = position;

    internal byte ReadByte() => *Position++;

    internal ushort ReadUInt16()
    {
        ushort value = *(ushort*)Position;
        Position += 2;
        return value;
    }

    internal uint ReadUInt32()
    {
        uint value = *(uint*)Position;
        Position += 4;
        return value;
    }

    internal int ReadInt32() => (int)ReadUInt32();

    internal ulong ReadUInt64()
    {
        ulong value = *(ulong*)Position;
        Position += 8;
        return value;
    }

    internal ulong ReadUleb128()
    {
        ulong value = 0;
        int shift = 0;
        byte part;
        do
        {
            part = ReadByte();
            if (shift < 64)
                value |= (ulong)(part & 0x7F) << shift;
            shift += 7;
        }
        while ((part & 0x80) != 0);
        return value;
    }

    internal long ReadSleb128()
    {
        long value = 0;
        int shift = 0;
        byte part;
        do
        {
            part = ReadByte();
            if (shift < 64)
                value |= (long)(part & 0x7F) << shift;
            shift += 7;
        }
        while ((part & 0x80) != 0);
        if (shift < 64 && (part & 0x40) != 0)
            value |= -1L << shift;
        return value;
    }

    // A pointer in the given encoding; dataBase is what data-relative values count from
    // (the start of .eh_frame_hdr for its search table).
    internal ulong ReadEncoded(byte encoding, ulong dataBase = 0)
    {
        ulong fieldAddress = (ulong)Position;
        ulong value = (encoding & FormatMask) switch
        {
            Absolute8 or Udata8 or Sdata8 => ReadUInt64(),
            Uleb128 => ReadUleb128(),
            Udata2 => ReadUInt16(),
            Udata4 => ReadUInt32(),
            Sleb128 => (ulong)ReadSleb128(),
            Sdata2 => (ulong)(long)(short)ReadUInt16(),
            Sdata4 => (ulong)(long)ReadInt32(),
            _ => 0,
        };
        if (value == 0)
            return 0;
        switch (encoding & RelativeMask)
        {
            case PcRelative:
                value += fieldAddress;
                break;
            case DataRelative:
                value += dataBase;
                break;
        }
        if ((encoding & Indirect) != 0)
            value = *(ulong*)value;
        return value;
    }

    // How many bytes a fixed-size encoding takes; 0 for the variable-length ones.
    internal static int SizeOf(byte encoding) => (encoding & FormatMask) switch
    {
        Absolute8 or Udata8 or Sdata8 => 8,
        Udata2 or Sdata2 => 2,
        Udata4 or Sdata4 => 4,
        _ => 0,
    };
}
