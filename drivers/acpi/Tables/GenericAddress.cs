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
        AddressSpace.SystemIo => "port 0x" + Address.ToString("X"),
        AddressSpace.SystemMemory => "memory 0x" + Address.ToString("X"),
        AddressSpace.PciConfiguration => "PCI configuration 0x" + Address.ToString("X"),
        _ => "address space " + ((byte)Space).ToString() + " 0x" + Address.ToString("X"),
    };
}
