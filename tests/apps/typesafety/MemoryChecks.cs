using System;

namespace TypeSafety;

// Block copies, clears and fills over lengths from 0 to past the sizes where .NET's CoreLib
// hands copies to the platform's memmove and memset, at every alignment and in both
// directions of overlap; each line is a checksum of the results.
public static class MemoryChecks
{
    private static readonly int[] Lengths = { 0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 255, 256, 1023, 1024, 4095, 4096, 4097, 10001 };

    public static void Run()
    {
        Report.Try("array copy forward", () => Copies(0).ToString());
        Report.Try("array copy overlapping up", () => Copies(1).ToString());
        Report.Try("array copy overlapping down", () => Copies(-1).ToString());
        Report.Try("span clear", () => Clears().ToString());
        Report.Try("span fill", () => Fills().ToString());
    }

    // direction 0: between two arrays; 1: within one array, destination above the source;
    // -1: destination below.
    private static long Copies(int direction)
    {
        long sum = 0;
        foreach (int length in Lengths)
        {
            for (int offset = 0; offset < 9; offset += 4)
            {
                byte[] source = Pattern(length + 32);
                byte[] destination = direction == 0 ? new byte[length + 32] : source;
                int from = direction < 0 ? 9 + offset : offset;
                int to = direction < 0 ? offset : direction > 0 ? offset + 5 : offset + 3;
                Array.Copy(source, from, destination, to, length);
                sum = sum * 31 + Checksum(destination);
            }
        }
        return sum;
    }

    private static long Clears()
    {
        long sum = 0;
        foreach (int length in Lengths)
        {
            byte[] data = Pattern(length + 16);
            new Span<byte>(data, 3, length).Clear();
            long[] wide = new long[length + 2];
            for (int i = 0; i < wide.Length; i++)
                wide[i] = i + 1;
            new Span<long>(wide, 1, length).Clear();
            sum = sum * 31 + Checksum(data) + wide[0] + wide[wide.Length - 1] + wide[wide.Length / 2];
        }
        return sum;
    }

    private static long Fills()
    {
        long sum = 0;
        foreach (int length in Lengths)
        {
            byte[] data = Pattern(length + 16);
            new Span<byte>(data, 5, length).Fill((byte)(length | 0x81));
            sum = sum * 31 + Checksum(data);
        }
        return sum;
    }

    private static byte[] Pattern(int length)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
            data[i] = (byte)(i * 7 + 3);
        return data;
    }

    private static long Checksum(byte[] data)
    {
        long sum = 0;
        for (int i = 0; i < data.Length; i++)
            sum = sum * 131 + data[i] + i;
        return sum;
    }
}
