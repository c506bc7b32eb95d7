using System;

namespace Uk.Core;

// What a serial terminal sends for keys beyond plain characters, shared by the keyboard
// drivers (i8042's scan codes, xhci's HID usages) so both type the same bytes.
public static class TerminalKeys
{
    // Ctrl with a letter or one of @[\]^_ gives the control character a terminal sends
    // (Ctrl+C is 0x03, Ctrl+Space NUL); other keys are unchanged.
    public static char ControlCharacter(char c)
    {
        if (IsLetter(c))
            return (char)(c & 0x1F);
        return c switch
        {
            ' ' or '@' or '2' => '\0',
            '[' or '{' => '\u001B',
            '\\' or '|' => '\u001C',
            ']' or '}' => '\u001D',
            '^' or '6' => '\u001E',
            '_' or '-' => '\u001F',
            _ => c,
        };
    }

    public static bool IsLetter(char c) => (c | 0x20) is >= 'a' and <= 'z';

    // ESC '[' and the sequence's tail into output; nothing for keys without one. The bytes
    // written.
    public static int Sequence(string tail, Span<byte> output)
    {
        if (tail.Length == 0)
            return 0;
        output[0] = 0x1B;
        output[1] = (byte)'[';
        for (int i = 0; i < tail.Length; i++)
            output[2 + i] = (byte)tail[i];
        return 2 + tail.Length;
    }
}
