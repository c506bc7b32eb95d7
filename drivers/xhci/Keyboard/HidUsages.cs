namespace Uk.Drivers.Xhci;

// USB HID usage page 7 (keyboard), US layout: what each key types (HID Usage Tables 1.4, 10).
public static class HidUsages
{
    public const byte ErrorRollOver = 0x01;
    public const byte A = 0x04;
    public const byte Slash = 0x38;
    public const byte CapsLock = 0x39;
    public const byte Insert = 0x49;
    public const byte Up = 0x52;
    public const byte NumLock = 0x53;
    public const byte KeypadSlash = 0x54;
    public const byte KeypadEnter = 0x58;
    public const byte Keypad1 = 0x59;
    public const byte KeypadPeriod = 0x63;

    // Modifier bits of a boot report's first byte.
    public const byte LeftControl = 0x01;
    public const byte LeftShift = 0x02;
    public const byte RightControl = 0x10;
    public const byte RightShift = 0x20;

    // Usages A (0x04) through Slash (0x38), unshifted and shifted; '\0' for keys not on a US
    // keyboard (0x32, the non-US # key). Enter is LF, Backspace DEL, as a serial terminal sends.
    public const string Plain = "abcdefghijklmnopqrstuvwxyz1234567890\n\u001B\u007F\t -=[]\\\0;'`,./";
    public const string Shifted = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!@#$%^&*()\n\u001B\u007F\t _+{}|\0:\"~<>?";

    // Keypad 1 through 9, 0 and the period with num lock on.
    public const string KeypadDigits = "1234567890.";

    // The VT100 sequence tail (after ESC '[') of the navigation keys, and of the keypad keys
    // with num lock off; "" for keys without one.
    public static string NavigationSequence(byte usage) => usage switch
    {
        0x49 or 0x62 => "2~", // Insert, keypad 0
        0x4A or 0x5F => "H",  // Home, keypad 7
        0x4B or 0x61 => "5~", // Page Up, keypad 9
        0x4C or 0x63 => "3~", // Delete, keypad period
        0x4D or 0x59 => "F",  // End, keypad 1
        0x4E or 0x5B => "6~", // Page Down, keypad 3
        0x4F or 0x5E => "C",  // Right, keypad 6
        0x50 or 0x5C => "D",  // Left, keypad 4
        0x51 or 0x5A => "B",  // Down, keypad 2
        0x52 or 0x60 => "A",  // Up, keypad 8
        _ => "",
    };

    // Keypad / * - + and Enter, which type the same with num lock on or off.
    public static char KeypadOperator(byte usage) => usage switch
    {
        0x54 => '/',
        0x55 => '*',
        0x56 => '-',
        0x57 => '+',
        0x58 => '\n',
        _ => '\0',
    };
}
