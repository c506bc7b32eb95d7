using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

// Enum values print their names, from the table of enum names the build links into the image.
public abstract unsafe class Enum : ValueType, IFormattable
{
    public override string ToString() => ToString(null);

    public string ToString(string? format)
    {
        long value = RawValue();
        char kind = format is null || format.Length == 0 ? 'G' : format[0];
        switch (kind)
        {
            case 'G':
            case 'g':
            case 'F':
            case 'f':
                return EnumNames.Format(m_pEEType, value) ?? ValueText(value);
            case 'D':
            case 'd':
                return ValueText(value);
            case 'X':
            case 'x':
                return ((ulong)value & SizeMask()).ToString(Size() == 1 ? "X2" : Size() == 2 ? "X4" : Size() == 4 ? "X8" : "X16");
            default:
                throw new FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
        }
    }

    public string ToString(string? format, IFormatProvider? provider) => ToString(format);

    private bool IsUnsigned => m_pEEType->ElementType is ElementType.Byte or ElementType.UInt16 or ElementType.UInt32
        or ElementType.UInt64 or ElementType.Char or ElementType.Boolean or ElementType.UIntPtr;

    private string ValueText(long value) => IsUnsigned ? ((ulong)value & SizeMask()).ToString() : value.ToString();

    private int Size() => m_pEEType->ElementType switch
    {
        ElementType.SByte or ElementType.Byte or ElementType.Boolean => 1,
        ElementType.Int16 or ElementType.UInt16 or ElementType.Char => 2,
        ElementType.Int32 or ElementType.UInt32 => 4,
        _ => 8,
    };

    private ulong SizeMask() => Size() == 8 ? ulong.MaxValue : (1UL << (Size() * 8)) - 1;

    // The boxed value, sign-extended for signed underlying types.
    private long RawValue()
    {
        ref byte data = ref Unsafe.As<RawData>(this).Data;
        return m_pEEType->ElementType switch
        {
            ElementType.SByte => Unsafe.As<byte, sbyte>(ref data),
            ElementType.Byte or ElementType.Boolean => data,
            ElementType.Int16 => Unsafe.As<byte, short>(ref data),
            ElementType.UInt16 or ElementType.Char => Unsafe.As<byte, ushort>(ref data),
            ElementType.Int32 => Unsafe.As<byte, int>(ref data),
            ElementType.UInt32 => Unsafe.As<byte, uint>(ref data),
            _ => Unsafe.As<byte, long>(ref data),
        };
    }
}
