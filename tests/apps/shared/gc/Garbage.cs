using System;

namespace GcTests;

// Allocates short-lived objects of every kind the collector handles: small objects with
// references, strings, byte and int arrays (some large enough for a block of their own),
// arrays of references and arrays of structs with references. A small ring keeps the latest
// few reachable, so nothing is optimised away and the garbage is not all of one age.
internal static class Garbage
{
    private static readonly object?[] s_recent = new object?[16];
    private static int s_next;

    public static long Checksum;

    // Allocates at least bytes of garbage; calls between every batch of roughly 64 KiB.
    public static void Churn(long bytes, Action? between = null)
    {
        long made = 0;
        int round = 0;
        while (made < bytes)
        {
            long batch = 0;
            while (batch < 64 * 1024)
                batch += One(round++);
            made += batch;
            between?.Invoke();
        }
    }

    private static long One(int round)
    {
        switch (round % 8)
        {
            case 0:
                Keep(new Node(round, new Node(round + 1, null)));
                return 2 * 48 + 2 * 40;
            case 1:
                string text = "garbage " + round.ToString() + " " + (round * 3).ToString();
                Keep(text);
                return 22 + 2 * text.Length + 64;
            case 2:
                var bytes = new byte[(round * 37) % 1500 + 1];
                bytes[bytes.Length - 1] = (byte)round;
                Keep(bytes);
                return 24 + bytes.Length;
            case 3:
                var items = new object?[8];
                for (int i = 0; i < items.Length; i++)
                    items[i] = new Node(i, null);
                Keep(items);
                return 24 + 64 + 8 * 48 + 8 * 40;
            case 4:
                var labels = new Labelled[6];
                for (int i = 0; i < labels.Length; i++)
                    labels[i] = new Labelled { Number = i, Label = "l" + i.ToString(), Check = round };
                Keep(labels);
                return 24 + 6 * 24 + 6 * 32;
            case 5:
                // A large object: its own block.
                var large = new int[(round % 3 + 1) * 4096];
                large[large.Length - 1] = round;
                Keep(large);
                return 24 + 4L * large.Length;
            default:
                var chain = new Node(round, null);
                for (int i = 0; i < 10; i++)
                    chain = new Node(i, chain);
                Keep(chain);
                return 11 * (48 + 40);
        }
    }

    private static void Keep(object value)
    {
        s_recent[s_next] = value;
        s_next = (s_next + 1) % s_recent.Length;
        Checksum++;
    }
}
