using System.Text;
using Uk.Drivers.Xhci;

namespace Unikraft.Xhci.Tests;

public sealed class HidReportDecoderTests
{
    private const byte LeftShift = 0x02;
    private const byte RightShift = 0x20;
    private const byte LeftControl = 0x01;
    private const byte RightControl = 0x10;
    private const byte LeftAlt = 0x04;

    // Usage 0x04 onward as a US keyboard types them, unshifted and shifted (HID Usage Tables
    // 1.4, 10), written out here independently of the driver's tables.
    public static TheoryData<byte, string, string> PrintingKeys()
    {
        var data = new TheoryData<byte, string, string>();
        for (int i = 0; i < 26; i++)
            data.Add((byte)(0x04 + i), ((char)('a' + i)).ToString(), ((char)('A' + i)).ToString());
        string digits = "1234567890";
        string shiftedDigits = "!@#$%^&*()";
        for (int i = 0; i < 10; i++)
            data.Add((byte)(0x1E + i), digits[i].ToString(), shiftedDigits[i].ToString());
        data.Add(0x28, "\n", "\n");
        data.Add(0x29, "\u001B", "\u001B");
        data.Add(0x2A, "\u007F", "\u007F");
        data.Add(0x2B, "\t", "\t");
        data.Add(0x2C, " ", " ");
        data.Add(0x2D, "-", "_");
        data.Add(0x2E, "=", "+");
        data.Add(0x2F, "[", "{");
        data.Add(0x30, "]", "}");
        data.Add(0x31, "\\", "|");
        data.Add(0x33, ";", ":");
        data.Add(0x34, "'", "\"");
        data.Add(0x35, "`", "~");
        data.Add(0x36, ",", "<");
        data.Add(0x37, ".", ">");
        data.Add(0x38, "/", "?");
        data.Add(0x54, "/", "/");
        data.Add(0x55, "*", "*");
        data.Add(0x56, "-", "-");
        data.Add(0x57, "+", "+");
        data.Add(0x58, "\n", "\n");
        return data;
    }

    [Theory]
    [MemberData(nameof(PrintingKeys))]
    public void EveryPrintingKeyTypesItsCharacterWithAndWithoutShift(byte usage, string plain, string shifted)
    {
        Assert.Equal(plain, Type(new HidReportDecoder(), Report(0, usage)));
        Assert.Equal(shifted, Type(new HidReportDecoder(), Report(LeftShift, usage)));
        Assert.Equal(shifted, Type(new HidReportDecoder(), Report(RightShift, usage)));
    }

    public static TheoryData<byte, string> NavigationKeys() => new()
    {
        { 0x49, "\u001B[2~" }, { 0x4A, "\u001B[H" }, { 0x4B, "\u001B[5~" }, { 0x4C, "\u001B[3~" },
        { 0x4D, "\u001B[F" }, { 0x4E, "\u001B[6~" }, { 0x4F, "\u001B[C" }, { 0x50, "\u001B[D" },
        { 0x51, "\u001B[B" }, { 0x52, "\u001B[A" },
        // The keypad with num lock off.
        { 0x59, "\u001B[F" }, { 0x5A, "\u001B[B" }, { 0x5B, "\u001B[6~" }, { 0x5C, "\u001B[D" }, { 0x5D, "" },
        { 0x5E, "\u001B[C" }, { 0x5F, "\u001B[H" }, { 0x60, "\u001B[A" }, { 0x61, "\u001B[5~" },
        { 0x62, "\u001B[2~" }, { 0x63, "\u001B[3~" },
    };

    [Theory]
    [MemberData(nameof(NavigationKeys))]
    public void NavigationKeysGiveVt100Sequences(byte usage, string expected) =>
        Assert.Equal(expected, Type(new HidReportDecoder(), Report(0, usage)));

    // Function keys, print screen, scroll lock, pause, the non-US keys, and usages past the
    // keypad type nothing.
    [Theory]
    [InlineData(0x3A)]
    [InlineData(0x45)]
    [InlineData(0x46)]
    [InlineData(0x47)]
    [InlineData(0x48)]
    [InlineData(0x32)]
    [InlineData(0x64)]
    [InlineData(0x65)]
    [InlineData(0xE0)]
    [InlineData(0xFF)]
    public void KeysThatTypeNothingGiveNoBytes(byte usage) =>
        Assert.Equal("", Type(new HidReportDecoder(), Report(0, usage)));

    [Fact]
    public void NumLockMakesTheKeypadTypeDigitsUnlessShiftIsHeld()
    {
        var decoder = new HidReportDecoder();
        Assert.Equal("", Type(decoder, Report(0, 0x53)));
        Assert.True(decoder.NumLock);
        Assert.Equal("", Type(decoder, Report(0)));
        string typed = "";
        for (byte usage = 0x59; usage <= 0x63; usage++)
        {
            typed += Type(decoder, Report(0, usage));
            Type(decoder, Report(0));
        }
        Assert.Equal("1234567890.", typed);
        Assert.Equal("\u001B[A", Type(decoder, Report(LeftShift, 0x60)));
    }

    [Fact]
    public void CapsLockTogglesOnEachPressAndOnlyChangesLetters()
    {
        var decoder = new HidReportDecoder();
        Type(decoder, Report(0, 0x39));
        // Held across two reports: toggles once.
        Type(decoder, Report(0, 0x39));
        Type(decoder, Report(0));
        Assert.True(decoder.CapsLock);
        Assert.Equal("A", Type(decoder, Report(0, 0x04)));
        Type(decoder, Report(0));
        Assert.Equal("a", Type(decoder, Report(LeftShift, 0x04)));
        Assert.Equal("1", Type(decoder, Report(0, 0x1E)));
        Type(decoder, Report(0, 0x39));
        Type(decoder, Report(0));
        Assert.False(decoder.CapsLock);
        Assert.Equal("a", Type(decoder, Report(0, 0x04)));
    }

    [Theory]
    [InlineData(LeftControl, 0x06, "\u0003")]  // Ctrl+C
    [InlineData(RightControl, 0x1D, "\u001A")] // Ctrl+Z
    [InlineData(LeftControl, 0x2F, "\u001B")]  // Ctrl+[
    [InlineData(LeftControl, 0x31, "\u001C")]  // Ctrl+\
    [InlineData(LeftControl, 0x30, "\u001D")]  // Ctrl+]
    [InlineData(LeftControl | LeftShift, 0x23, "\u001E")] // Ctrl+^
    [InlineData(LeftControl | LeftShift, 0x2D, "\u001F")] // Ctrl+_
    [InlineData(LeftControl, 0x2C, "\0")]      // Ctrl+Space
    [InlineData(LeftControl, 0x1F, "\0")]      // Ctrl+2
    [InlineData(LeftControl, 0x20, "3")]       // Ctrl+3 types the digit
    [InlineData(LeftAlt, 0x04, "a")]           // alt changes nothing
    public void ControlMakesControlCharacters(byte modifiers, byte usage, string expected) =>
        Assert.Equal(expected, Type(new HidReportDecoder(), Report(modifiers, usage)));

    [Fact]
    public void SeveralNewKeysInOneReportTypeInReportOrder()
    {
        var decoder = new HidReportDecoder();
        Assert.Equal("ab", Type(decoder, Report(0, 0x04, 0x05)));
        // a still held, c and the up arrow newly pressed.
        Assert.Equal("c\u001B[A", Type(decoder, Report(0, 0x04, 0x06, 0x52)));
        Assert.Equal("HI", Type(new HidReportDecoder(), Report(LeftShift, 0x0B, 0x0C)));
    }

    [Fact]
    public void AHeldKeyTypesOnceAndAgainAfterItsRelease()
    {
        var decoder = new HidReportDecoder();
        Assert.Equal("x", Type(decoder, Report(0, 0x1B)));
        Assert.Equal("", Type(decoder, Report(0, 0x1B)));
        // Shift pressed while x is held: x does not type again.
        Assert.Equal("", Type(decoder, Report(LeftShift, 0x1B)));
        Assert.Equal("", Type(decoder, Report(0)));
        Assert.Equal("x", Type(decoder, Report(0, 0x1B)));
        // Released in the same report another key is pressed.
        Assert.Equal("y", Type(decoder, Report(0, 0x1C)));
    }

    [Fact]
    public void RollOverErrorReportsAreIgnored()
    {
        var decoder = new HidReportDecoder();
        Assert.Equal("a", Type(decoder, Report(0, 0x04)));
        Assert.Equal("", Type(decoder, Report(0, 1, 1, 1, 1, 1, 1)));
        // The error changed nothing: a is still held, b is new.
        Assert.Equal("b", Type(decoder, Report(0, 0x04, 0x05)));
        Assert.Equal("", Type(decoder, Report(LeftShift, 1, 1, 1, 1, 1, 1)));
    }

    [Fact]
    public void ShortReportsTypeNothingAndASmallOutputIsRefused()
    {
        var decoder = new HidReportDecoder();
        byte[] output = new byte[HidReportDecoder.MaxBytesPerReport];
        Assert.Equal(0, decoder.Decode(new byte[] { 0, 0, 0x04 }, output));
        Assert.Throws<ArgumentException>(() => decoder.Decode(Report(0, 0x04), new byte[4]));
    }

    [Fact]
    public void SixNavigationKeysAtOnceFitTheOutput()
    {
        byte[] report = Report(0, 0x49, 0x4B, 0x4C, 0x4E, 0x62, 0x61);
        Assert.Equal("\u001B[2~\u001B[5~\u001B[3~\u001B[6~\u001B[2~\u001B[5~", Type(new HidReportDecoder(), report));
    }

    private static byte[] Report(byte modifiers, params byte[] keys)
    {
        byte[] report = new byte[HidReportDecoder.ReportBytes];
        report[0] = modifiers;
        keys.CopyTo(report, 2);
        return report;
    }

    private static string Type(HidReportDecoder decoder, byte[] report)
    {
        byte[] output = new byte[HidReportDecoder.MaxBytesPerReport];
        int length = decoder.Decode(report, output);
        return Encoding.Latin1.GetString(output, 0, length);
    }
}
