using System;

namespace Uk.Drivers.Acpi;

// The Root System Description Pointer: where the RSDT (ACPI 1.0) or XSDT (2.0+) is.
public readonly struct Rsdp
{
    public const int Version1Length = 20;
    public const int Version2Length = 36;
    private const ulong Signature = 0x2052545020445352; // "RSD PTR "

    public Rsdp(byte revision, uint rsdtAddress, ulong xsdtAddress)
    {
        Revision = revision;
        RsdtAddress = rsdtAddress;
        XsdtAddress = xsdtAddress;
    }

    public byte Revision { get; }

    public uint RsdtAddress { get; }

    // 0 before ACPI 2.0.
    public ulong XsdtAddress { get; }

    public static bool HasSignature(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && LittleEndian.U64(bytes, 0) == Signature;

    public static AcpiStatus Parse(ReadOnlySpan<byte> bytes, out Rsdp rsdp)
    {
        rsdp = default;
        if (bytes.Length < Version1Length || !HasSignature(bytes) || !TableChecksum.IsValid(bytes.Slice(0, Version1Length)))
            return AcpiStatus.BadRsdp;
        byte revision = bytes[15];
        uint rsdt = LittleEndian.U32(bytes, 16);
        if (revision < 2)
        {
            rsdp = new Rsdp(revision, rsdt, 0);
            return AcpiStatus.Found;
        }
        if (bytes.Length < Version2Length)
            return AcpiStatus.BadRsdp;
        uint length = LittleEndian.U32(bytes, 20);
        if (length < Version2Length || length > (uint)bytes.Length || !TableChecksum.IsValid(bytes.Slice(0, (int)length)))
            return AcpiStatus.BadRsdp;
        rsdp = new Rsdp(revision, rsdt, LittleEndian.U64(bytes, 24));
        return AcpiStatus.Found;
    }

    // A 1.0 RSDP is 20 bytes and may end right where readable memory does.
    public static AcpiStatus Read(IPhysicalBytes memory, ulong address, out Rsdp rsdp)
    {
        rsdp = default;
        Span<byte> bytes = stackalloc byte[Version2Length];
        if (!memory.TryRead(address, bytes.Slice(0, Version1Length)))
            return AcpiStatus.OutOfReach;
        int length = bytes[15] >= 2 ? Version2Length : Version1Length;
        if (length == Version2Length && !memory.TryRead(address, bytes))
            return AcpiStatus.OutOfReach;
        return Parse(bytes.Slice(0, length), out rsdp);
    }
}
