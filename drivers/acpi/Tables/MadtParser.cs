using System;

namespace Uk.Drivers.Acpi;

// Reads the MADT's variable-length entries; an entry shorter than its type needs or
// running past the table makes the whole table BadTable rather than half-read.
public static class MadtParser
{
    private const int LocalApicAddressOffset = SystemTables.HeaderLength;
    private const int FlagsOffset = SystemTables.HeaderLength + 4;
    private const int FirstEntryOffset = SystemTables.HeaderLength + 8;
    private const uint FlagPcAtCompatible = 1;
    private const uint ProcessorEnabled = 1;

    private const byte TypeLocalApic = 0;
    private const byte TypeIoApic = 1;
    private const byte TypeInterruptOverride = 2;
    private const byte TypeNmiSource = 3;
    private const byte TypeLocalApicNmi = 4;
    private const byte TypeLocalApicAddressOverride = 5;
    private const byte TypeLocalX2Apic = 9;

    public static AcpiStatus Parse(ReadOnlySpan<byte> table, out Madt? madt)
    {
        madt = null;
        if (table.Length < FirstEntryOffset || LittleEndian.U32(table, 0) != TableSignature.Madt
            || LittleEndian.U32(table, 4) != (uint)table.Length)
            return AcpiStatus.BadTable;

        int ioApics = 0, overrides = 0, nmiSources = 0, localNmis = 0;
        for (int offset = FirstEntryOffset; offset < table.Length; offset += table[offset + 1])
        {
            if (!EntryFits(table, offset))
                return AcpiStatus.BadTable;
            switch (table[offset])
            {
                case TypeIoApic: ioApics++; break;
                case TypeInterruptOverride: overrides++; break;
                case TypeNmiSource: nmiSources++; break;
                case TypeLocalApicNmi: localNmis++; break;
            }
        }

        ulong localApic = LittleEndian.U32(table, LocalApicAddressOffset);
        int processors = 0;
        var ioApicList = new IoApicDescription[ioApics];
        var overrideList = new InterruptOverride[overrides];
        var nmiSourceList = new NmiSource[nmiSources];
        var localNmiList = new LocalApicNmi[localNmis];
        ioApics = overrides = nmiSources = localNmis = 0;
        for (int offset = FirstEntryOffset; offset < table.Length; offset += table[offset + 1])
        {
            ReadOnlySpan<byte> entry = table.Slice(offset, table[offset + 1]);
            switch (entry[0])
            {
                case TypeLocalApic:
                    if ((LittleEndian.U32(entry, 4) & ProcessorEnabled) != 0)
                        processors++;
                    break;
                case TypeLocalX2Apic:
                    if ((LittleEndian.U32(entry, 8) & ProcessorEnabled) != 0)
                        processors++;
                    break;
                case TypeIoApic:
                    ioApicList[ioApics++] = new IoApicDescription(entry[2], LittleEndian.U32(entry, 4), LittleEndian.U32(entry, 8));
                    break;
                case TypeInterruptOverride:
                    ushort flags = LittleEndian.U16(entry, 8);
                    overrideList[overrides++] = new InterruptOverride(entry[3], LittleEndian.U32(entry, 4), Polarity(flags), Trigger(flags));
                    break;
                case TypeNmiSource:
                    ushort nmiFlags = LittleEndian.U16(entry, 2);
                    nmiSourceList[nmiSources++] = new NmiSource(LittleEndian.U32(entry, 4), Polarity(nmiFlags), Trigger(nmiFlags));
                    break;
                case TypeLocalApicNmi:
                    ushort lintFlags = LittleEndian.U16(entry, 3);
                    localNmiList[localNmis++] = new LocalApicNmi(entry[2], entry[5], Polarity(lintFlags), Trigger(lintFlags));
                    break;
                case TypeLocalApicAddressOverride:
                    localApic = LittleEndian.U64(entry, 4);
                    break;
            }
        }

        bool legacyPics = (LittleEndian.U32(table, FlagsOffset) & FlagPcAtCompatible) != 0;
        madt = new Madt(localApic, legacyPics, processors, ioApicList, overrideList, nmiSourceList, localNmiList);
        return AcpiStatus.Found;
    }

    private static bool EntryFits(ReadOnlySpan<byte> table, int offset)
    {
        if (offset + 2 > table.Length)
            return false;
        int length = table[offset + 1];
        return length >= 2 && length >= MinimumLength(table[offset]) && offset + length <= table.Length;
    }

    // Later ACPI versions may lengthen an entry, never shorten it; unknown types only need
    // their two-byte header.
    private static int MinimumLength(byte type) => type switch
    {
        TypeLocalApic => 8,
        TypeIoApic => 12,
        TypeInterruptOverride => 10,
        TypeNmiSource => 8,
        TypeLocalApicNmi => 6,
        TypeLocalApicAddressOverride => 12,
        TypeLocalX2Apic => 16,
        _ => 2,
    };

    private static InterruptPolarity Polarity(ushort flags) => (flags & 3) switch
    {
        1 => InterruptPolarity.ActiveHigh,
        3 => InterruptPolarity.ActiveLow,
        _ => InterruptPolarity.Conforming,
    };

    private static InterruptTrigger Trigger(ushort flags) => ((flags >> 2) & 3) switch
    {
        1 => InterruptTrigger.Edge,
        3 => InterruptTrigger.Level,
        _ => InterruptTrigger.Conforming,
    };
}
