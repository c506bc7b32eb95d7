using System;

namespace Uk.Drivers.Acpi;

// The tables the RSDT or XSDT lists, each checked (signature, length, checksum) as it is
// copied out of firmware memory.
public sealed class SystemTables
{
    public const int HeaderLength = 36;
    // Far above any MADT or FADT; a larger length is a corrupt header, not a table to copy.
    public const uint MaxTableLength = 64 * 1024;
    // DSDTs of real machines run to a few hundred KiB of AML.
    public const uint MaxDsdtLength = 4 * 1024 * 1024;

    private readonly IPhysicalBytes _memory;
    private readonly ulong[] _entries;

    private SystemTables(IPhysicalBytes memory, ulong[] entries)
    {
        _memory = memory;
        _entries = entries;
    }

    public int Count => _entries.Length;

    // The XSDT when the RSDP has one, else the RSDT.
    public static AcpiStatus Load(IPhysicalBytes memory, Rsdp rsdp, out SystemTables? tables)
    {
        tables = null;
        bool extended = rsdp.Revision >= 2 && rsdp.XsdtAddress != 0;
        uint signature = extended ? TableSignature.Xsdt : TableSignature.Rsdt;
        AcpiStatus status = Read(memory, extended ? rsdp.XsdtAddress : rsdp.RsdtAddress, signature, MaxTableLength, verifyChecksum: true, out byte[]? root);
        if (status != AcpiStatus.Found)
            return status == AcpiStatus.BadTable ? AcpiStatus.BadRootTable : status;

        int entrySize = extended ? 8 : 4;
        int bodyLength = root!.Length - HeaderLength;
        if (bodyLength % entrySize != 0)
            return AcpiStatus.BadRootTable;
        ulong[] entries = new ulong[bodyLength / entrySize];
        for (int i = 0; i < entries.Length; i++)
        {
            int offset = HeaderLength + i * entrySize;
            entries[i] = extended ? LittleEndian.U64(root, offset) : LittleEndian.U32(root, offset);
        }
        tables = new SystemTables(memory, entries);
        return AcpiStatus.Found;
    }

    // The first listed table with this signature; TableNotFound when none is listed.
    public AcpiStatus Find(uint signature, out byte[]? table)
    {
        Span<byte> header = stackalloc byte[4];
        for (int i = 0; i < _entries.Length; i++)
        {
            if (_memory.TryRead(_entries[i], header) && LittleEndian.U32(header, 0) == signature)
                return Read(_memory, _entries[i], signature, MaxTableLength, verifyChecksum: true, out table);
        }
        table = null;
        return AcpiStatus.TableNotFound;
    }

    // The DSDT is not listed in the RSDT/XSDT; the FADT points at it. Its checksum is not
    // held against it: firmware ships DSDTs with wrong ones, which operating systems accept.
    public static AcpiStatus ReadDsdt(IPhysicalBytes memory, ulong address, out byte[]? table) =>
        Read(memory, address, TableSignature.Dsdt, MaxDsdtLength, verifyChecksum: false, out table);

    private static AcpiStatus Read(IPhysicalBytes memory, ulong address, uint signature, uint maxLength, bool verifyChecksum, out byte[]? table)
    {
        table = null;
        Span<byte> header = stackalloc byte[HeaderLength];
        if (!memory.TryRead(address, header))
            return AcpiStatus.OutOfReach;
        uint length = LittleEndian.U32(header, 4);
        if (LittleEndian.U32(header, 0) != signature || length < HeaderLength || length > maxLength)
            return AcpiStatus.BadTable;
        byte[] bytes = new byte[length];
        if (!memory.TryRead(address, bytes))
            return AcpiStatus.OutOfReach;
        if (verifyChecksum && !TableChecksum.IsValid(bytes))
            return AcpiStatus.BadTable;
        table = bytes;
        return AcpiStatus.Found;
    }
}
