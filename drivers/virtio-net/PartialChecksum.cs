using System;

namespace Uk.Drivers.VirtioNet;

// What a device does for NEEDS_CSUM, in software: the 16-bit field at start + offset holds
// the pseudo-header sum (not complemented); the one's complement of the sum of every byte
// from start to the end of the frame goes there. Used to transmit on a device without
// checksum offload, and to finish a partial checksum a device handed us on receive.
public static class PartialChecksum
{
    // False (frame untouched) when start/offset do not fit the frame.
    public static bool Complete(Span<byte> frame, int start, int offset)
    {
        if (start < 0 || offset < 0 || start > frame.Length || (long)start + offset + 2 > frame.Length)
            return false;
        uint sum = 0;
        ReadOnlySpan<byte> covered = frame.Slice(start);
        int i = 0;
        for (; i + 1 < covered.Length; i += 2)
            sum += (uint)(covered[i] << 8 | covered[i + 1]);
        if (i < covered.Length)
            sum += (uint)(covered[i] << 8);
        while ((sum >> 16) != 0)
            sum = (sum & 0xFFFF) + (sum >> 16);
        ushort result = (ushort)~sum;
        // UDP sends an all-zero result as 0xFFFF (zero means "no checksum"); TCP accepts either.
        if (result == 0)
            result = 0xFFFF;
        frame[start + offset] = (byte)(result >> 8);
        frame[start + offset + 1] = (byte)result;
        return true;
    }
}
