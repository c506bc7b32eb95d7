using Uk.Drivers.I8042;

namespace Unikraft.Kernel.Tests.Hardware;

// Scan code set 1 to the bytes a serial terminal sends: a US typist's every printable
// character, the modifiers' state (both shifts, caps lock with its typematic repeat, ctrl),
// the prefixed keys (E0 navigation and keypad keys, the E1 Pause sequence, fake shifts).
public sealed class ScanCodeDecoderTests
{
    // The US layout by keyboard row, from the first key's make code: what the typist presses.
    private static readonly (byte FirstCode, string Plain, string Shifted)[] Rows =
    [
        (0x02, "1234567890-=", "!@#$%^&*()_+"),
        (0x10, "qwertyuiop[]", "QWERTYUIOP{}"),
        (0x1E, "asdfghjkl;'`", "ASDFGHJKL:\"~"),
        (0x2B, "\\zxcvbnm,./", "|ZXCVBNM<>?"),
    ];

    private const byte LeftShift = 0x2A;
    private const byte RightShift = 0x36;
    private const byte Control = 0x1D;
    private const byte CapsLock = 0x3A;
    private const byte Break = 0x80;

    [Fact]
    public void EveryPrintableCharacterTypedOnAUsKeyboardArrivesAsItself()
    {
        string all = new(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).ToArray());
        Assert.Equal(all, Decode(TypeText(all)));
    }

    [Fact]
    public void EnterIsLineFeedBackspaceIsDeleteAndTabAndEscapeAreThemselves()
    {
        Assert.Equal("\n\u007F\t\u001B", Decode(Press(0x1C), Press(0x0E), Press(0x0F), Press(0x01)));
        // The keypad's Enter (E0 1C) and slash (E0 35) too.
        Assert.Equal("\n/", Decode([0xE0, 0x1C, 0xE0, 0x9C, 0xE0, 0x35, 0xE0, 0xB5]));
    }

    [Fact]
    public void EitherShiftShiftsOnlyWhileHeld()
    {
        byte[] codes = [.. Press(0x1E), LeftShift, .. Press(0x1E), LeftShift | Break, RightShift, .. Press(0x02),
            RightShift | Break, .. Press(0x02)];
        Assert.Equal("aA!1", Decode(codes));
    }

    [Fact]
    public void CapsLockTogglesOncePerPressEvenWhenTheKeyRepeats()
    {
        var decoder = new ScanCodeDecoder();
        // Held long enough for three typematic repeats of its make code.
        Feed(decoder, CapsLock, CapsLock, CapsLock, CapsLock, CapsLock | Break);
        Assert.True(decoder.CapsLock);
        Assert.Equal("A1", Decode(decoder, [.. Press(0x1E), .. Press(0x02)]));
        // Shift with caps lock gives lower case letters, and still shifts digits.
        Assert.Equal("a!", Decode(decoder, [LeftShift, .. Press(0x1E), .. Press(0x02), LeftShift | Break]));
        Feed(decoder, CapsLock, CapsLock | Break);
        Assert.False(decoder.CapsLock);
        Assert.Equal("a", Decode(decoder, Press(0x1E)));
    }

    [Fact]
    public void ControlMakesControlCharactersWithEitherControlKey()
    {
        // Left ctrl+C, right ctrl (E0 1D)+D, ctrl+[, then c after the release.
        byte[] codes = [Control, .. Press(0x2E), Control | Break, 0xE0, Control, .. Press(0x20), 0xE0, Control | Break,
            Control, .. Press(0x1A), Control | Break, .. Press(0x2E)];
        Assert.Equal("\u0003\u0004\u001Bc", Decode(codes));
        // Ctrl+Space and Ctrl+2 (Ctrl+@) give NUL, as terminals send it.
        Assert.Equal("\0\0", Decode([Control, .. Press(0x39), .. Press(0x03), Control | Break]));
    }

    [Fact]
    public void NavigationKeysGiveTerminalSequences()
    {
        byte[] codes = [.. Extended(0x48), .. Extended(0x50), .. Extended(0x4D), .. Extended(0x4B), .. Extended(0x47),
            .. Extended(0x4F), .. Extended(0x53), .. Extended(0x49)];
        Assert.Equal("\u001B[A\u001B[B\u001B[C\u001B[D\u001B[H\u001B[F\u001B[3~\u001B[5~", Decode(codes));
    }

    [Fact]
    public void TheKeypadTypesDigitsOnlyWithNumLock()
    {
        var decoder = new ScanCodeDecoder();
        // Keypad 8 and '+' and '*' without Num Lock: up arrow, then the operators.
        Assert.Equal("\u001B[A+*", Decode(decoder, [.. Press(0x48), .. Press(0x4E), .. Press(0x37)]));
        Feed(decoder, 0x45, 0xC5);
        Assert.True(decoder.NumLock);
        Assert.Equal("8.0-", Decode(decoder, [.. Press(0x48), .. Press(0x53), .. Press(0x52), .. Press(0x4A)]));
    }

    [Fact]
    public void FakeShiftsAroundNavigationKeysDoNotShift()
    {
        // Some keyboards wrap Home in E0 2A ... E0 AA; the letter after it stays lower case.
        byte[] codes = [0xE0, LeftShift, .. Extended(0x47), 0xE0, LeftShift | Break, .. Press(0x1E)];
        Assert.Equal("\u001B[Ha", Decode(codes));
    }

    [Fact]
    public void ThePauseSequenceTypesNothingAndLeavesNoStateBehind()
    {
        byte[] codes = [0xE1, 0x1D, 0x45, 0xE1, 0x9D, 0xC5, .. Press(0x1E)];
        var decoder = new ScanCodeDecoder();
        Assert.Equal("a", Decode(decoder, codes));
        Assert.False(decoder.Control);
        Assert.False(decoder.NumLock);
    }

    [Fact]
    public void NoByteEverGivesMoreThanTheMaximumOrThrows()
    {
        var decoder = new ScanCodeDecoder();
        var output = new byte[ScanCodeDecoder.MaxBytesPerKey];
        foreach (byte? prefix in new byte?[] { null, 0xE0, 0xE1 })
        {
            for (int code = 0; code < 256; code++)
            {
                if (prefix is byte value)
                    decoder.Decode(value, output);
                int count = decoder.Decode((byte)code, output);
                Assert.InRange(count, 0, ScanCodeDecoder.MaxBytesPerKey);
            }
        }
        Assert.Throws<ArgumentException>(() => decoder.Decode(0x1E, new byte[2]));
    }

    private static byte[] Press(byte make) => [make, (byte)(make | Break)];

    private static byte[] Extended(byte make) => [0xE0, make, 0xE0, (byte)(make | Break)];

    private static byte[] TypeText(string text)
    {
        var codes = new List<byte>();
        foreach (char c in text)
        {
            if (c == ' ')
            {
                codes.AddRange(Press(0x39));
                continue;
            }
            (byte first, string plain, string shifted) = Rows.Single(row => row.Plain.Contains(c) || row.Shifted.Contains(c));
            bool shift = !plain.Contains(c);
            byte make = (byte)(first + (shift ? shifted : plain).IndexOf(c));
            if (shift)
                codes.Add(RightShift);
            codes.AddRange(Press(make));
            if (shift)
                codes.Add(RightShift | Break);
        }
        return codes.ToArray();
    }

    private static string Decode(params byte[][] codes) => Decode(new ScanCodeDecoder(), codes.SelectMany(c => c).ToArray());

    private static string Decode(ScanCodeDecoder decoder, byte[] codes)
    {
        var text = new System.Text.StringBuilder();
        var output = new byte[ScanCodeDecoder.MaxBytesPerKey];
        foreach (byte code in codes)
        {
            int count = decoder.Decode(code, output);
            for (int i = 0; i < count; i++)
                text.Append((char)output[i]);
        }
        return text.ToString();
    }

    private static void Feed(ScanCodeDecoder decoder, params byte[] codes) => Decode(decoder, codes);
}
