namespace Uk.Drivers.I8042;

// Scan code set 1 (what the 8042 delivers with translation on): the make codes of a US
// keyboard's keys, and the bytes a terminal sends for them. Break codes are make | 0x80;
// 0xE0 prefixes the keys added with the 101-key keyboard, 0xE1 the Pause key.
public static class ScanCodeSet1
{
    public const byte ExtendedPrefix = 0xE0;
    public const byte PauseBreakPrefix = 0xE1;
    public const byte BreakBit = 0x80;

    public const byte Escape = 0x01;
    public const byte Backspace = 0x0E;
    public const byte Enter = 0x1C;
    public const byte Control = 0x1D;
    public const byte LeftShift = 0x2A;
    public const byte RightShift = 0x36;
    public const byte KeypadMultiply = 0x37;
    public const byte Alt = 0x38;
    public const byte CapsLock = 0x3A;
    public const byte NumLock = 0x45;
    public const byte Keypad7 = 0x47;
    public const byte KeypadMinus = 0x4A;
    public const byte KeypadPlus = 0x4E;
    public const byte KeypadPeriod = 0x53;
    public const byte KeypadSlash = 0x35; // after 0xE0

    // Make codes 0x00 to 0x39 without shift; '\0' where the key types nothing. Backspace is
    // DEL (0x7F) and Enter LF, as a serial terminal's keys arrive at ConsoleInput.
    public const string Plain =
        "\0\u001B1234567890-=\u007F\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";

    public const string Shifted =
        "\0\u001B!@#$%^&*()_+\u007F\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

    // Keypad 0x47 to 0x53 with Num Lock on.
    public const string KeypadDigits = "789-456+1230.";

    // The same keys with Num Lock off, and the extended (0xE0) navigation keys at the same
    // codes: the VT100/xterm sequences a terminal sends for them, without the leading ESC '['
    // (empty: nothing is typed).
    public static string NavigationSequence(byte makeCode) => makeCode switch
    {
        0x47 => "H",  // Home
        0x48 => "A",  // Up
        0x49 => "5~", // Page Up
        0x4B => "D",  // Left
        0x4D => "C",  // Right
        0x4F => "F",  // End
        0x50 => "B",  // Down
        0x51 => "6~", // Page Down
        0x52 => "2~", // Insert
        0x53 => "3~", // Delete
        _ => "",
    };
}
