using System.Text;

namespace Unikraft.Kernel.Tests.Hardware;

// Builds ACPI structures byte by byte the way firmware lays them out, checksums included.
internal static class AcpiTableBuilder
{
    public static byte[] Rsdp(byte revision, uint rsdt, ulong xsdt = 0)
    {
        byte[] bytes = new byte[revision >= 2 ? 36 : 20];
        Encoding.ASCII.GetBytes("RSD PTR ").CopyTo(bytes, 0);
        Encoding.ASCII.GetBytes("UKTEST").CopyTo(bytes, 9);
        bytes[15] = revision;
        BitConverter.GetBytes(rsdt).CopyTo(bytes, 16);
        if (revision >= 2)
        {
            BitConverter.GetBytes(36u).CopyTo(bytes, 20);
            BitConverter.GetBytes(xsdt).CopyTo(bytes, 24);
        }
        bytes[8] = Checksum(bytes.AsSpan(0, 20));
        if (revision >= 2)
            bytes[32] = Checksum(bytes);
        return bytes;
    }

    public static byte[] Rsdt(params uint[] tables) =>
        Table("RSDT", tables.SelectMany(BitConverter.GetBytes).ToArray());

    public static byte[] Xsdt(params ulong[] tables) =>
        Table("XSDT", tables.SelectMany(BitConverter.GetBytes).ToArray());

    public static byte[] Fadt(byte centuryRegister)
    {
        byte[] body = new byte[244 - 36];
        body[108 - 36] = centuryRegister;
        return Table("FACP", body);
    }

    // A FADT with power fields: 116 bytes (ACPI 1.0) or 276 (6.x) with the X_ fields.
    public static byte[] PowerFadt(uint dsdt, uint pm1aControl, uint pm1bControl = 0, bool extended = false, uint flags = 0,
        byte[]? resetRegister = null, byte resetValue = 0, ulong extendedDsdt = 0, byte[]? extendedPm1aControl = null,
        uint smiCommand = 0, byte acpiEnable = 0, byte[]? sleepControl = null, uint pmTimer = 0, byte[]? extendedPmTimer = null)
    {
        byte[] body = new byte[(extended ? 276 : 116) - 36];
        void Put(int offset, byte[] bytes) => bytes.CopyTo(body, offset - 36);
        Put(40, BitConverter.GetBytes(dsdt));
        Put(48, BitConverter.GetBytes(smiCommand));
        body[52 - 36] = acpiEnable;
        Put(64, BitConverter.GetBytes(pm1aControl));
        Put(68, BitConverter.GetBytes(pm1bControl));
        Put(76, BitConverter.GetBytes(pmTimer));
        body[89 - 36] = 2;
        Put(112, BitConverter.GetBytes(flags));
        if (extended)
        {
            if (resetRegister is not null)
                Put(116, resetRegister);
            body[128 - 36] = resetValue;
            Put(140, BitConverter.GetBytes(extendedDsdt));
            if (extendedPm1aControl is not null)
                Put(172, extendedPm1aControl);
            if (extendedPmTimer is not null)
                Put(208, extendedPmTimer);
            if (sleepControl is not null)
                Put(244, sleepControl);
        }
        return Table("FACP", body);
    }

    // A Generic Address Structure: space (0 memory, 1 I/O, 2 PCI), bit width, address.
    public static byte[] Gas(byte space, byte bitWidth, ulong address) =>
        [space, bitWidth, 0, 0, .. BitConverter.GetBytes(address)];

    public static byte[] Dsdt(params byte[] aml) => Table("DSDT", aml);

    public static byte[] Madt(uint localApic, uint flags, params byte[][] entries) =>
        Table("APIC", [.. BitConverter.GetBytes(localApic), .. BitConverter.GetBytes(flags), .. entries.SelectMany(e => e)]);

    public static byte[] LocalApicEntry(byte uid, byte apicId, bool enabled) =>
        [0, 8, uid, apicId, .. BitConverter.GetBytes(enabled ? 1u : 0u)];

    public static byte[] IoApicEntry(byte id, uint address, uint gsiBase) =>
        [1, 12, id, 0, .. BitConverter.GetBytes(address), .. BitConverter.GetBytes(gsiBase)];

    public static byte[] OverrideEntry(byte irq, uint gsi, ushort flags) =>
        [2, 10, 0, irq, .. BitConverter.GetBytes(gsi), .. BitConverter.GetBytes(flags)];

    public static byte[] NmiSourceEntry(ushort flags, uint gsi) =>
        [3, 8, .. BitConverter.GetBytes(flags), .. BitConverter.GetBytes(gsi)];

    public static byte[] LocalApicNmiEntry(byte uid, ushort flags, byte lint) =>
        [4, 6, uid, .. BitConverter.GetBytes(flags), lint];

    public static byte[] AddressOverrideEntry(ulong address) =>
        [5, 12, 0, 0, .. BitConverter.GetBytes(address)];

    public static byte[] Table(string signature, byte[] body)
    {
        byte[] bytes = new byte[36 + body.Length];
        Encoding.ASCII.GetBytes(signature).CopyTo(bytes, 0);
        BitConverter.GetBytes((uint)bytes.Length).CopyTo(bytes, 4);
        bytes[8] = 1;
        Encoding.ASCII.GetBytes("UKTEST").CopyTo(bytes, 10);
        body.CopyTo(bytes, 36);
        return Resum(bytes);
    }

    // Recomputes a table's checksum after a test changed its bytes on purpose.
    public static byte[] Resum(byte[] table)
    {
        table[9] = 0;
        table[9] = Checksum(table);
        return table;
    }

    private static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (byte b in bytes)
            sum += b;
        return (byte)(0x100 - sum);
    }
}
