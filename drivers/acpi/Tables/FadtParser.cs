using System;

namespace Uk.Drivers.Acpi;

// Reads the FADT's fields at the offsets the ACPI specification fixes. Old (ACPI 1.0, 116
// bytes) and short tables are fine: a field past the table's end reads as absent. The 64-bit
// X_ fields win over the 32-bit ones when both are set, as the specification says.
public static class FadtParser
{
    private const int DsdtOffset = 40;
    private const int SmiCommandOffset = 48;
    private const int AcpiEnableOffset = 52;
    private const int Pm1aControlOffset = 64;
    private const int Pm1bControlOffset = 68;
    private const int PmTimerOffset = 76;
    private const int Pm1ControlLengthOffset = 89;
    private const int CenturyOffset = 108;
    private const int BootArchitectureOffset = 109;
    private const int RevisionOffset = 8;
    // ACPI 2.0's FADT, the first with IAPC_BOOT_ARCH (as Linux reads it).
    private const byte BootArchitectureRevision = 3;
    private const int FlagsOffset = 112;
    private const int ResetRegisterOffset = 116;
    private const int ResetValueOffset = 128;
    private const int ExtendedDsdtOffset = 140;
    private const int ExtendedPm1aControlOffset = 172;
    private const int ExtendedPm1bControlOffset = 184;
    private const int ExtendedPmTimerOffset = 208;
    private const int SleepControlOffset = 244;

    private const uint FlagTimerValueExtended = 1u << 8;
    private const uint FlagResetRegisterSupported = 1u << 10;
    private const uint FlagHardwareReduced = 1u << 20;

    // The smallest FADT that names the DSDT and the PM1 control blocks (ACPI 1.0's is 116).
    public const int MinimumLength = 116;

    public static AcpiStatus Parse(ReadOnlySpan<byte> table, out Fadt? fadt)
    {
        fadt = null;
        if (table.Length < MinimumLength || LittleEndian.U32(table, 0) != TableSignature.Fadt
            || LittleEndian.U32(table, 4) != (uint)table.Length)
            return AcpiStatus.BadTable;

        uint flags = LittleEndian.U32(table, FlagsOffset);
        ulong dsdt = LittleEndian.U32(table, DsdtOffset);
        if (Has(table, ExtendedDsdtOffset, 8) && LittleEndian.U64(table, ExtendedDsdtOffset) != 0)
            dsdt = LittleEndian.U64(table, ExtendedDsdtOffset);

        byte controlBits = (byte)(table[Pm1ControlLengthOffset] * 8);
        GenericAddress pm1a = ControlBlock(table, ExtendedPm1aControlOffset, Pm1aControlOffset, controlBits);
        GenericAddress pm1b = ControlBlock(table, ExtendedPm1bControlOffset, Pm1bControlOffset, controlBits);
        bool timer32 = (flags & FlagTimerValueExtended) != 0;
        GenericAddress pmTimer = ControlBlock(table, ExtendedPmTimerOffset, PmTimerOffset, 32);

        GenericAddress reset = default;
        byte resetValue = 0;
        if ((flags & FlagResetRegisterSupported) != 0 && Has(table, ResetValueOffset, 1))
        {
            reset = GenericAddress.Read(table, ResetRegisterOffset);
            resetValue = table[ResetValueOffset];
        }

        bool reduced = (flags & FlagHardwareReduced) != 0;
        GenericAddress sleepControl = reduced && Has(table, SleepControlOffset, GenericAddress.Length)
            ? GenericAddress.Read(table, SleepControlOffset)
            : default;

        bool hasBootArchitecture = table[RevisionOffset] >= BootArchitectureRevision;
        ushort bootArchitecture = hasBootArchitecture
            ? LittleEndian.U16(table, BootArchitectureOffset)
            : (ushort)0;

        fadt = new Fadt(dsdt, pm1a, pm1b, LittleEndian.U32(table, SmiCommandOffset), table[AcpiEnableOffset],
            table[CenturyOffset], reduced, reset, resetValue, sleepControl, reduced ? default : pmTimer, timer32,
            bootArchitecture, hasBootArchitecture);
        return AcpiStatus.Found;
    }

    private static bool Has(ReadOnlySpan<byte> table, int offset, int length) => offset + length <= table.Length;

    // PM1x_CNT_BLK and PM_TMR_BLK are I/O ports; their X_ forms may put the block anywhere.
    private static GenericAddress ControlBlock(ReadOnlySpan<byte> table, int extendedOffset, int legacyOffset, byte bits)
    {
        if (Has(table, extendedOffset, GenericAddress.Length))
        {
            GenericAddress extended = GenericAddress.Read(table, extendedOffset);
            if (extended.IsPresent)
                return extended;
        }
        uint port = LittleEndian.U32(table, legacyOffset);
        return port == 0 ? default : GenericAddress.IoPort(port, bits == 0 ? (byte)16 : bits);
    }
}
