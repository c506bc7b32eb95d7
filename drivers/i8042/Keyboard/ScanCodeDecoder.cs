using System;
using Uk.Core;

namespace Uk.Drivers.I8042;

// Turns scan code set 1 bytes into the bytes a serial terminal would send for the same keys
// (US layout): shift and caps lock choose the character, ctrl makes control characters,
// arrows and the navigation keys become VT100 sequences. Keeps the modifiers' state between
// calls; keys that type nothing (function keys, alt, releases) give no bytes.
public sealed class ScanCodeDecoder
{
    // The longest sequence one key press gives (ESC '[' '5' '~').
    public const int MaxBytesPerKey = 4;

    private const byte Keypad7 = ScanCodeSet1.Keypad7;
    private const byte KeypadPeriod = ScanCodeSet1.KeypadPeriod;

    private bool _extended;
    // The Pause key is E1 1D 45 E1 9D C5: two bytes follow each E1.
    private int _pauseBytesLeft;
    private bool _leftShift;
    private bool _rightShift;
    private bool _leftControl;
    private bool _rightControl;
    private bool _capsLockHeld;
    private bool _numLockHeld;

    public bool CapsLock { get; private set; }

    public bool NumLock { get; private set; }

    public bool Shift => _leftShift || _rightShift;

    public bool Control => _leftControl || _rightControl;

    // The bytes the key event typed, into output (at least MaxBytesPerKey long); their count.
    public int Decode(byte code, Span<byte> output)
    {
        if (output.Length < MaxBytesPerKey)
            throw new ArgumentException("the output must hold " + MaxBytesPerKey + " bytes", nameof(output));
        if (_pauseBytesLeft > 0)
        {
            _pauseBytesLeft--;
            return 0;
        }
        if (code == ScanCodeSet1.PauseBreakPrefix)
        {
            _pauseBytesLeft = 2;
            _extended = false;
            return 0;
        }
        if (code == ScanCodeSet1.ExtendedPrefix)
        {
            _extended = true;
            return 0;
        }
        bool extended = _extended;
        _extended = false;
        bool released = (code & ScanCodeSet1.BreakBit) != 0;
        byte make = (byte)(code & ~ScanCodeSet1.BreakBit);
        if (TrackModifier(make, extended, released) || released)
            return 0;
        return extended ? DecodeExtended(make, output) : DecodeMain(make, output);
    }

    // True when the key is a modifier (or a lock), whose events type nothing.
    private bool TrackModifier(byte make, bool extended, bool released)
    {
        switch (make)
        {
            case ScanCodeSet1.LeftShift:
                // E0 2A is the "fake shift" some keyboards wrap around the navigation keys.
                if (!extended)
                    _leftShift = !released;
                return true;
            case ScanCodeSet1.RightShift:
                if (!extended)
                    _rightShift = !released;
                return true;
            case ScanCodeSet1.Control:
                if (extended)
                    _rightControl = !released;
                else
                    _leftControl = !released;
                return true;
            case ScanCodeSet1.Alt:
                return true;
            case ScanCodeSet1.CapsLock:
                // Typematic repeat sends the make code again while the key is held: toggle once.
                if (!released && !_capsLockHeld)
                    CapsLock = !CapsLock;
                _capsLockHeld = !released;
                return true;
            case ScanCodeSet1.NumLock when !extended:
                if (!released && !_numLockHeld)
                    NumLock = !NumLock;
                _numLockHeld = !released;
                return true;
            default:
                return false;
        }
    }

    private int DecodeMain(byte make, Span<byte> output)
    {
        if (make < ScanCodeSet1.Plain.Length)
        {
            char c = Shift ? ScanCodeSet1.Shifted[make] : ScanCodeSet1.Plain[make];
            if (c == '\0')
                return 0;
            if (CapsLock && TerminalKeys.IsLetter(c))
                c = (char)(c ^ 0x20);
            if (Control)
                c = TerminalKeys.ControlCharacter(c);
            output[0] = (byte)c;
            return 1;
        }
        if (make >= Keypad7 && make <= KeypadPeriod)
        {
            char digit = ScanCodeSet1.KeypadDigits[make - Keypad7];
            if (make is ScanCodeSet1.KeypadMinus or ScanCodeSet1.KeypadPlus || NumLock && !Shift)
            {
                output[0] = (byte)digit;
                return 1;
            }
            return TerminalKeys.Sequence(ScanCodeSet1.NavigationSequence(make), output);
        }
        return 0;
    }

    private static int DecodeExtended(byte make, Span<byte> output)
    {
        switch (make)
        {
            case ScanCodeSet1.Enter:
                output[0] = (byte)'\n';
                return 1;
            case ScanCodeSet1.KeypadSlash:
                output[0] = (byte)'/';
                return 1;
            default:
                return TerminalKeys.Sequence(ScanCodeSet1.NavigationSequence(make), output);
        }
    }
}
