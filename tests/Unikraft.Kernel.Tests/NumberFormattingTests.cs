using System.Globalization;

namespace Unikraft.Kernel.Tests;

// The kernel's integer formatting must agree with .NET's for the formats it supports.
public sealed class NumberFormattingTests
{
    public static TheoryData<long> SignedValues => new()
    {
        0, 1, -1, 9, 10, -10, 99, 100, 12345, -12345, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1_000_000_007,
    };

    private static readonly string[] Formats = { "", "G", "D", "D1", "D8", "d3", "X", "x", "X2", "x8", "X16" };

    [Theory]
    [MemberData(nameof(SignedValues))]
    public void SignedDecimalMatchesDotNet(long value)
    {
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), FormatSigned(value, 64, ""));
    }

    [Fact]
    public void UnsignedExtremesMatchDotNet()
    {
        Span<char> buffer = stackalloc char[Number.MaxDigits];
        int length = Number.FormatUInt64(ulong.MaxValue, buffer);
        Assert.Equal(ulong.MaxValue.ToString(CultureInfo.InvariantCulture), buffer[..length].ToString());
    }

    [Fact]
    public void EveryFormatAgreesWithDotNetForInt32()
    {
        int[] values = { 0, 1, -1, 7, 255, -255, 4096, int.MaxValue, int.MinValue };
        foreach (int value in values)
        {
            foreach (string format in Formats)
            {
                string expected = value.ToString(format, CultureInfo.InvariantCulture);
                Assert.Equal(expected, FormatSigned(value, 32, format));
            }
        }
    }

    [Fact]
    public void HexOfNegativeValuesUsesTheTypesWidth()
    {
        Assert.Equal(((short)-2).ToString("X", CultureInfo.InvariantCulture), FormatSigned(-2, 16, "X"));
        Assert.Equal(((sbyte)-1).ToString("x", CultureInfo.InvariantCulture), FormatSigned(-1, 8, "x"));
        Assert.Equal((-1L).ToString("X", CultureInfo.InvariantCulture), FormatSigned(-1, 64, "X"));
    }

    [Theory]
    [InlineData("N")]
    [InlineData("X1000")]
    [InlineData("Dx")]
    [InlineData("G5")]
    public void UnsupportedFormatsAreRefused(string format)
    {
        Span<char> buffer = stackalloc char[200];
        Assert.Equal(-1, Number.FormatInteger(5, false, 32, format, buffer));
    }

    private static string FormatSigned(long value, int bitWidth, string format)
    {
        Span<char> buffer = stackalloc char[Number.MaxDigits + 100];
        ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        int length = Number.FormatInteger(magnitude, value < 0, bitWidth, format, buffer);
        Assert.True(length >= 0, "format '" + format + "' refused");
        return buffer[..length].ToString();
    }
}
