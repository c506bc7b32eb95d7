using System;
using Uk.Core;
using Uk.NetDev;

namespace NetRaw;

// Receive only: counts the UDP datagrams a host sender pushes at port 5555 (QEMU's
// hostfwd=udp), each carrying its sequence number and a pattern derived from it, until
// the expected number arrived or the line has been quiet for two seconds.
public static class Sink
{
    public const int Port = 5555;
    private const long Second = Clock.NanosecondsPerSecond;

    public static bool Run(Link link, int expected)
    {
        var seen = new bool[expected];
        int received = 0, bad = 0, duplicates = 0, frames = 0;
        long bytes = 0;
        long first = 0, last = 0;
        Console.WriteLine("sink: ready on udp " + Port.ToString());
        long quiet = Link.Now + 20 * Second;
        while (received + bad < expected)
        {
            NetBuffer? frame = link.Next(quiet);
            if (frame is null)
                break;
            ReadOnlySpan<byte> udp = Frames.Ipv4Payload(frame.Span, out byte protocol, out _, out _);
            if (protocol != 17 || udp.Length < 12 || Frames.Get16(udp, 2) != Port)
            {
                Scenarios.Other(link, frame);
                continue;
            }
            long now = Link.Now;
            if (frames == 0)
                first = now;
            last = now;
            frames++;
            bytes += frame.Length;
            quiet = now + 2 * Second;
            int length = Frames.Get16(udp, 4);
            uint sequence = Frames.Get32(udp, 8);
            if (length > udp.Length || length < 12 || sequence >= (uint)expected)
                bad++;
            else if (seen[sequence])
                duplicates++;
            else if (!PatternOk(udp.Slice(12, length - 12), sequence))
                bad++;
            else
            {
                seen[sequence] = true;
                received++;
            }
            frame.Release();
        }
        long span = last - first;
        long perSecond = span > 0 ? (long)(frames - 1) * Second / span : 0;
        Console.WriteLine("sink: received " + received.ToString() + " of " + expected.ToString() + ", bad " + bad.ToString()
            + ", duplicates " + duplicates.ToString() + ", " + frames.ToString() + " frames " + bytes.ToString() + " bytes in "
            + (span / Clock.NanosecondsPerMillisecond).ToString() + " ms, " + perSecond.ToString() + " frames/s");
        return bad == 0 && duplicates == 0 && received > 0;
    }

    // Byte i of datagram n is (n + i) mod 251: the host test writes the same.
    private static bool PatternOk(ReadOnlySpan<byte> data, uint sequence)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != (byte)((sequence + (uint)i) % 251))
                return false;
        }
        return true;
    }
}
