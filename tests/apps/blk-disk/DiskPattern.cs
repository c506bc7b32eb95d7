namespace BlkTests;

// The bytes a test writes: a function of the byte's position on the disk and a seed, so a
// sector in the wrong place or a stale one shows. Compiled into the guest and the host test.
public static class DiskPattern
{
    public static byte At(ulong diskOffset, int seed) =>
        (byte)((diskOffset * 31) ^ (diskOffset >> 9) ^ (ulong)(seed * 151 + 7));

    public static void Fill(System.Span<byte> buffer, ulong diskOffset, int seed)
    {
        for (int i = 0; i < buffer.Length; i++)
            buffer[i] = At(diskOffset + (ulong)i, seed);
    }

    // Index of the first byte that differs, or -1.
    public static int FirstMismatch(System.ReadOnlySpan<byte> buffer, ulong diskOffset, int seed)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            if (buffer[i] != At(diskOffset + (ulong)i, seed))
                return i;
        }
        return -1;
    }
}
