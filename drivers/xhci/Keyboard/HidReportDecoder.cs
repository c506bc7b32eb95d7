using System;
using Uk.Core;

namespace Uk.Drivers.Xhci;

// Turns HID boot-protocol keyboard reports (8 bytes: modifier bits, a reserved byte, up to
// six usages of the keys held) into the bytes a serial terminal would send for the keys
// newly pressed (US layout): shift and caps lock choose the character, ctrl makes control
// characters, arrows and the navigation keys become VT100 sequences. A report lists every
// key held, so a key types once, in the first report that holds it; releases type nothing.
// A rollover error report (every usage 0x01: too many keys) changes nothing.
public sealed class HidReportDecoder
{
    public const int ReportBytes = 8;
    private const int KeySlots = 6;

    // The longest sequence one key press gives (ESC '[' '5' '~').
    public const int MaxBytesPerKey = 4;

    public const int MaxBytesPerReport = KeySlots * MaxBytesPerKey;

    private readonly byte[] _held = new byte[KeySlots];

    public bool CapsLock { get; private set; }

    public bool NumLock { get; private set; }

    // The bytes the report typed, into output (at least MaxBytesPerReport long); their count.
    // Reports shorter than 8 bytes type nothing.
    public int Decode(ReadOnlySpan<byte> report, Span<byte> output)
    {
        if (output.Length < MaxBytesPerReport)
            throw new ArgumentException("the output must hold " + MaxBytesPerReport + " bytes", nameof(output));
        if (report.Length < ReportBytes)
            return 0;
        ReadOnlySpan<byte> keys = report.Slice(2, KeySlots);
        if (keys.IndexOf(HidUsages.ErrorRollOver) >= 0)
            return 0;
        byte modifiers = report[0];
        bool shift = (modifiers & (HidUsages.LeftShift | HidUsages.RightShift)) != 0;
        bool control = (modifiers & (HidUsages.LeftControl | HidUsages.RightControl)) != 0;
        int length = 0;
        for (int i = 0; i < KeySlots; i++)
        {
            byte usage = keys[i];
            if (usage < HidUsages.A || new ReadOnlySpan<byte>(_held).IndexOf(usage) >= 0)
                continue;
            length += Press(usage, shift, control, output.Slice(length));
        }
        keys.CopyTo(_held);
        return length;
    }

    private int Press(byte usage, bool shift, bool control, Span<byte> output)
    {
        if (usage <= HidUsages.Slash)
        {
            char c = (shift ? HidUsages.Shifted : HidUsages.Plain)[usage - HidUsages.A];
            if (c == '\0')
                return 0;
            if (CapsLock && TerminalKeys.IsLetter(c))
                c = (char)(c ^ 0x20);
            if (control)
                c = TerminalKeys.ControlCharacter(c);
            output[0] = (byte)c;
            return 1;
        }
        if (usage == HidUsages.CapsLock)
        {
            CapsLock = !CapsLock;
            return 0;
        }
        if (usage == HidUsages.NumLock)
        {
            NumLock = !NumLock;
            return 0;
        }
        char keypad = HidUsages.KeypadOperator(usage);
        if (keypad != '\0')
        {
            output[0] = (byte)keypad;
            return 1;
        }
        if (usage >= HidUsages.Keypad1 && usage <= HidUsages.KeypadPeriod && NumLock && !shift)
        {
            output[0] = (byte)HidUsages.KeypadDigits[usage - HidUsages.Keypad1];
            return 1;
        }
        return TerminalKeys.Sequence(HidUsages.NavigationSequence(usage), output);
    }
}
