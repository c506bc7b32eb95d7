using System;

namespace Uk.Drivers.Acpi;

// Finds a sleep state's package (\_S5 for soft-off) in AML without an interpreter: the bytes
// NameOp '_S5_' PackageOp PkgLength NumElements, then the first two elements, which firmware
// writes as integer constants. A name that is only referenced (not defined) is passed over.
public static class SleepPackageScanner
{
    private const byte NameOp = 0x08;
    private const byte RootPrefix = 0x5C; // '\'
    private const byte PackageOp = 0x12;
    private const byte ZeroOp = 0x00;
    private const byte OneOp = 0x01;
    private const byte OnesOp = 0xFF;
    private const byte BytePrefix = 0x0A;
    private const byte WordPrefix = 0x0B;
    private const byte DWordPrefix = 0x0C;
    private const byte QWordPrefix = 0x0E;

    private const int NameLength = 4;

    // The three bits PM1_CNT's SLP_TYP field holds.
    private const ulong SleepTypeMask = 7;

    // A name segment as the little-endian uint of its four ASCII bytes.
    public const uint SoftOff = 0x5F35535F; // "_S5_"

    // aml: a DSDT or SSDT, header included. name: a name segment such as SoftOff.
    public static bool TryFind(ReadOnlySpan<byte> aml, uint name, out SleepType sleepType)
    {
        sleepType = default;
        for (int at = SystemTables.HeaderLength; at + NameLength <= aml.Length; at++)
        {
            if (LittleEndian.U32(aml, at) == name && IsDefinition(aml, at) && TryReadPackage(aml, at + NameLength, out sleepType))
                return true;
        }
        return false;
    }

    // Name(_S5_, ...) or Name(\_S5_, ...).
    private static bool IsDefinition(ReadOnlySpan<byte> aml, int at) =>
        (at >= 1 && aml[at - 1] == NameOp) || (at >= 2 && aml[at - 1] == RootPrefix && aml[at - 2] == NameOp);

    private static bool TryReadPackage(ReadOnlySpan<byte> aml, int offset, out SleepType sleepType)
    {
        sleepType = default;
        if (offset >= aml.Length || aml[offset] != PackageOp)
            return false;
        offset++;
        if (offset >= aml.Length)
            return false;
        // PkgLength: bits 7-6 of its first byte count the bytes that follow it.
        offset += 1 + (aml[offset] >> 6);
        if (offset >= aml.Length || aml[offset] < 2)
            return false;
        offset++;
        if (!TryReadInteger(aml, ref offset, out ulong a) || !TryReadInteger(aml, ref offset, out ulong b))
            return false;
        sleepType = new SleepType((byte)(a & SleepTypeMask), (byte)(b & SleepTypeMask));
        return true;
    }

    private static bool TryReadInteger(ReadOnlySpan<byte> aml, ref int offset, out ulong value)
    {
        value = 0;
        if (offset >= aml.Length)
            return false;
        byte opcode = aml[offset++];
        int size;
        switch (opcode)
        {
            case ZeroOp: return true;
            case OneOp: value = 1; return true;
            case OnesOp: value = ulong.MaxValue; return true;
            case BytePrefix: size = 1; break;
            case WordPrefix: size = 2; break;
            case DWordPrefix: size = 4; break;
            case QWordPrefix: size = 8; break;
            default: return false;
        }
        if (offset + size > aml.Length)
            return false;
        for (int i = size - 1; i >= 0; i--)
            value = value << 8 | aml[offset + i];
        offset += size;
        return true;
    }
}
