using Uk.Core;

namespace System;

// The application's view of the consoles, shaped like System.Console.
public static class Console
{
    public static void Write(string? value) => Consoles.Write(value);

    public static void Write(char value) => Consoles.Write(new ReadOnlySpan<char>(in value));

    public static void Write(object? value) => Consoles.Write(value?.ToString());

    public static void Write(int value) => Consoles.Write(value.ToString());

    public static void Write(long value) => Consoles.Write(value.ToString());

    public static void WriteLine() => Consoles.Write("\n");

    public static void WriteLine(string? value)
    {
        Consoles.Write(value);
        Consoles.Write("\n");
    }

    public static void WriteLine(object? value) => WriteLine(value?.ToString());

    public static void WriteLine(int value) => WriteLine(value.ToString());

    public static void WriteLine(long value) => WriteLine(value.ToString());

    public static void WriteLine(bool value) => WriteLine(value ? "True" : "False");

    // The next character from the console input (a serial line, a keyboard), -1 when there
    // is none in the image. Bytes above 0x7F come through as they are (no UTF-8 decoding).
    public static int Read() => ConsoleInput.ReadByte();

    // A line typed on the console input, without its end (CR, LF or CRLF); null when the
    // image has no input device. Characters are echoed and backspace edits, as a terminal
    // in cooked mode would (QEMU's -serial stdio passes keys through raw).
    public static string? ReadLine()
    {
        if (!ConsoleInput.IsAvailable)
            return null;
        char[] line = new char[64];
        int length = 0;
        while (true)
        {
            int value = ConsoleInput.ReadByte();
            if (value < 0)
                return null;
            char c = (char)value;
            if (c == '\n' && s_lastWasCarriageReturn)
            {
                // The LF of a CRLF whose CR already ended the line.
                s_lastWasCarriageReturn = false;
                continue;
            }
            s_lastWasCarriageReturn = c == '\r';
            if (c == '\r' || c == '\n')
            {
                Consoles.Write("\n");
                return new string(line, 0, length);
            }
            if (c == '\b' || c == (char)0x7F)
            {
                if (length > 0)
                {
                    length--;
                    Consoles.Write("\b \b");
                }
                continue;
            }
            if (c < ' ')
                continue;
            if (length == line.Length)
            {
                char[] larger = new char[line.Length * 2];
                new ReadOnlySpan<char>(line).CopyTo(larger);
                line = larger;
            }
            line[length++] = c;
            Consoles.Write(new ReadOnlySpan<char>(in c));
        }
    }

    private static bool s_lastWasCarriageReturn;
}
