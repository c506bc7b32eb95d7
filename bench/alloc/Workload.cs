using System;

namespace Unikraft.Bench.Alloc;

// A fixed, pre-generated stream of alloc/free pairs: a pool of live slots, each step frees
// one slot and allocates a new block into it. Sizes follow a small-object-heavy mix
// (half up to 64 B, 30% up to 256 B, 15% up to 1 KiB, 5% up to 4 KiB), as a kernel's
// managed heap and buffers see. Generated up front so the timing holds no RNG work.
public sealed class Workload
{
    public const int Slots = 1024;

    public int[] Sizes { get; }
    public int[] Picks { get; }

    public Workload(int pairs, int seed)
    {
        var random = new Random(seed);
        Sizes = new int[pairs];
        Picks = new int[pairs];
        for (int i = 0; i < pairs; i++)
        {
            int bucket = random.Next(100);
            Sizes[i] = bucket < 50 ? random.Next(16, 65)
                : bucket < 80 ? random.Next(65, 257)
                : bucket < 95 ? random.Next(257, 1025)
                : random.Next(1025, 4097);
            Picks[i] = random.Next(Slots);
        }
    }
}
