using System;

namespace Uk.Drivers.Acpi;

public enum AddressSpace : byte
{
    SystemMemory = 0,
    SystemIo = 1,
    PciConfiguration = 2,
}

// ACPI's Generic Address Structure: a register in memory, I/O or PCI configuration space.
// Address 0 means the firmware names no register.
public readonly struct GenericAddress
{
    public const int Length = 12;

    public GenericAddress(AddressSpace space, byte bitWidth, byte bitOffset, byte accessSize, ulong address)
    {
        Space = space;
        BitWidth = bitWidth;
        BitOffset = bitOffset;
        AccessSize = accessSize;
        Address = address;
    }

    public AddressSpace Space { get; }

    public byte BitWidth { get; }

    public byte BitOffset { get; }

    // 1 byte, 2 word, 3 dword, 4 qword; 0 for "as the bit width says" (ACPI 1.0 tables).
    public byte AccessSize { get; }

    public ulong Address { get; }

    public bool IsPresent => Address != 0;

    public static GenericAddress IoPort(uint port, byte bitWidth) =>
        new(AddressSpace.SystemIo, bitWidth, 0, 0, port);

    public static GenericAddress Read(ReadOnlySpan<byte> bytes, int offset) =>
        new((AddressSpace)bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3], LittleEndian.U64(bytes, offset + 4));

    public string Describe() => Space switch
    {
        AddressSpace.SystemIo => "port " + Hex(Address),
        AddressSpace.SystemMemory => "memory " + Hex(Address),
        AddressSpace.PciConfiguration => "PCI configuration " + Hex(Address),
        _ => "address space " + ((byte)Space).ToString() + " " + Hex(Address),
    };

    // "0x" and upper-case digits, without the standard format strings' parser, which an image
    // as small as hello would otherwise link for these few messages.
    public static string Hex(ulong value, int minDigits = 1)
    {
        int digits = 1;
        while (digits < 16 && value >> (4 * digits) != 0)
            digits++;
        if (digits < minDigits)
            digits = minDigits;
        char[] text = new char[2 + digits];
        text[0] = '0';
        text[1] = 'x';
        for (int i = text.Length - 1; i >= 2; i--, value >>= 4)
            text[i] = "0123456789ABCDEF"[(int)(value & 0xF)];
        return new string(text);
    }
}
