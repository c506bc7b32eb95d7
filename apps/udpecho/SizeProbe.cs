using System;

namespace UdpEcho;

// With size-probe=1, a datagram "size N" asks for N bytes back (a pattern: byte i is i % 251),
// so a client can check datagrams of any size in the guest-to-host direction too, and see a
// size the guest cannot send refused.
public static class SizeProbe
{
    private static byte[] s_reply = new byte[0];

    // The reply to the datagram in buffer: N pattern bytes for "size N", else the datagram.
    public static ReadOnlySpan<byte> Answer(byte[] buffer, int length)
    {
        if (length < 6 || length > 12 || buffer[0] != 's' || buffer[1] != 'i' || buffer[2] != 'z' || buffer[3] != 'e' || buffer[4] != ' ')
            return new ReadOnlySpan<byte>(buffer, 0, length);
        int size = 0;
        for (int i = 5; i < length; i++)
        {
            if (buffer[i] < '0' || buffer[i] > '9')
                return new ReadOnlySpan<byte>(buffer, 0, length);
            size = size * 10 + (buffer[i] - '0');
        }
        // One more than UDP carries is allowed through, so the socket can refuse it.
        if (size > 65508)
            return new ReadOnlySpan<byte>(buffer, 0, length);
        if (s_reply.Length < size)
        {
            s_reply = new byte[size];
            for (int i = 0; i < size; i++)
                s_reply[i] = (byte)(i % 251);
        }
        return new ReadOnlySpan<byte>(s_reply, 0, size);
    }

    public static byte[] Refusal(string message)
    {
        string text = "refused: " + message;
        byte[] bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return bytes;
    }
}
