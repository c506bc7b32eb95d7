using System;
using Uk.Core;

namespace KvStore;

// Lines from the serial console as Console.ReadLine reads them (echoed, backspace edits, a
// line ends at CR, LF or CRLF, other control bytes are ignored), but giving up when the
// console stays silent for the idle time, between lines or halfway through one: a quit that
// never arrives must not keep the guest waiting forever.
internal sealed class ConsoleLineReader
{
    private readonly long _idleNanoseconds;
    private bool _lastWasCarriageReturn;

    // idleSeconds 0: wait forever.
    public ConsoleLineReader(int idleSeconds) => _idleNanoseconds = idleSeconds * Clock.NanosecondsPerSecond;

    // The next line; null when the image has no console input or the console fell silent.
    public string? ReadLine()
    {
        var line = new char[64];
        int length = 0;
        while (true)
        {
            if (_idleNanoseconds > 0 && !ConsoleInput.WaitForInput(Clock.Monotonic + _idleNanoseconds))
                return null;
            int value = ConsoleInput.ReadByte();
            if (value < 0)
                return null;
            char c = (char)value;
            bool endOfCrLf = c == '\n' && _lastWasCarriageReturn;
            _lastWasCarriageReturn = c == '\r';
            if (endOfCrLf)
                continue;
            if (c == '\r' || c == '\n')
            {
                Console.WriteLine();
                return new string(line, 0, length);
            }
            if (c == '\b' || c == (char)0x7F)
            {
                if (length > 0)
                {
                    length--;
                    Console.Write("\b \b");
                }
                continue;
            }
            if (c < ' ')
                continue;
            if (length == line.Length)
            {
                var larger = new char[line.Length * 2];
                new ReadOnlySpan<char>(line).CopyTo(larger);
                line = larger;
            }
            line[length++] = c;
            Console.Write(c);
        }
    }
}
