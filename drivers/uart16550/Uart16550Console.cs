using System;
using Uk.Core;

namespace Uk.Drivers.Uart16550;

// Polled transmit on a 16550: 8 data bits, no parity, one stop bit, FIFOs on.
public sealed class Uart16550Console : IConsole
{
    private const int Data = 0;
    private const int InterruptEnable = 1;
    private const int FifoControl = 2;
    private const int LineControl = 3;
    private const int ModemControl = 4;
    private const int LineStatus = 5;
    private const byte TransmitterEmpty = 0x20;
    private const byte DivisorLatch = 0x80;

    private readonly ushort _port;
    private readonly int _baud;

    public Uart16550Console(ushort port, int baud)
    {
        _port = port;
        _baud = baud;
    }

    public string Name => "uart16550@0x" + Hex.Format((ulong)_port);

    public void Initialize()
    {
        int divisor = _baud > 0 && _baud <= 115200 ? 115200 / _baud : 1;
        PortIo.Write8((ushort)(_port + InterruptEnable), 0);
        PortIo.Write8((ushort)(_port + LineControl), DivisorLatch);
        PortIo.Write8((ushort)(_port + Data), (byte)divisor);
        PortIo.Write8((ushort)(_port + InterruptEnable), (byte)(divisor >> 8));
        PortIo.Write8((ushort)(_port + LineControl), 0x03);
        PortIo.Write8((ushort)(_port + FifoControl), 0xC7);
        PortIo.Write8((ushort)(_port + ModemControl), 0x03);
    }

    public void Write(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            // Terminals expect CRLF; C# code writes LF.
            if (c == '\n')
                WriteByte((byte)'\r');
            if (c < 0x80)
                WriteByte((byte)c);
            else if (IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                WriteUtf8(0x10000 + ((c - 0xD800) << 10) + (text[++i] - 0xDC00));
            else
                WriteUtf8(IsHighSurrogate(c) || IsLowSurrogate(c) ? 0xFFFD : c);
        }
    }

    // Serial terminals (and .NET on Linux, whose output the tests compare) speak UTF-8.
    private void WriteUtf8(int codePoint)
    {
        if (codePoint < 0x800)
        {
            WriteByte((byte)(0xC0 | (codePoint >> 6)));
        }
        else if (codePoint < 0x10000)
        {
            WriteByte((byte)(0xE0 | (codePoint >> 12)));
            WriteByte((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
        }
        else
        {
            WriteByte((byte)(0xF0 | (codePoint >> 18)));
            WriteByte((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
            WriteByte((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
        }
        WriteByte((byte)(0x80 | (codePoint & 0x3F)));
    }

    private static bool IsHighSurrogate(char c) => c is >= '\uD800' and <= '\uDBFF';

    private static bool IsLowSurrogate(char c) => c is >= '\uDC00' and <= '\uDFFF';

    private void WriteByte(byte value)
    {
        while ((PortIo.Read8((ushort)(_port + LineStatus)) & TransmitterEmpty) == 0)
            Plat.Pause();
        PortIo.Write8(_port, value);
    }
}
