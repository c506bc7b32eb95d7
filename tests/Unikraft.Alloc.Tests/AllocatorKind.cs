using Uk.Alloc;
using Uk.Alloc.Buddy;
using Uk.Alloc.Region;
using Uk.Alloc.Tlsf;

namespace Unikraft.Alloc.Tests;

// What the tests know about each allocator: how it accounts a block, and how much of a
// region it can hand out again in one piece once everything is freed.
public abstract class AllocatorKind
{
    public static readonly AllocatorKind Buddy = new BuddyKind();
    public static readonly AllocatorKind Region = new RegionKind();
    public static readonly AllocatorKind Tlsf = new TlsfKind(32);

    public static AllocatorKind ByName(string name) => name switch
    {
        "buddy" => Buddy,
        "region" => Region,
        "tlsf" => Tlsf,
        "tlsf4" => new TlsfKind(4),
        "tlsf16" => new TlsfKind(16),
        _ => throw new ArgumentException(name),
    };

    public abstract IAllocator Create();

    public virtual bool Reuses => true;

    // Smallest and largest BytesInUse a live block of size bytes may account for; offset is
    // the alignment it was placed at (16 unless AllocateAligned asked for more).
    public abstract (ulong Min, ulong Max) Accounted(nuint size, nuint offset);

    // Request sizes that must all succeed together over the regions once nothing is live.
    public virtual IEnumerable<nuint> WholeRegionRequests(Arena arena) => Array.Empty<nuint>();

    public static nuint Round16(nuint size) => ((size == 0 ? 1 : size) + 15) & ~(nuint)15;

    public static int Log2Floor(ulong value) => 63 - System.Numerics.BitOperations.LeadingZeroCount(value);

    private sealed class BuddyKind : AllocatorKind
    {
        public override IAllocator Create() => new BuddyAllocator();

        public override string ToString() => "buddy";

        // A power-of-two block holding the header (or alignment padding) and the data.
        public override (ulong, ulong) Accounted(nuint size, nuint offset)
        {
            ulong block = System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)(size == 0 ? 1 : size) + offset);
            block = Math.Max(block, 32);
            return (block, block);
        }

        // "Nearly whole" for buddy: each region is carved into maximal aligned power-of-two
        // blocks of at least 32 bytes; every such block is available again, less its header.
        public override IEnumerable<nuint> WholeRegionRequests(Arena arena) =>
            arena.Regions.SelectMany(r => CarvedBlocks(r.Start, r.Length)).OrderDescending().Select(b => b - 16);

        public static IEnumerable<nuint> CarvedBlocks(nuint start, nuint length)
        {
            nuint first = (start + 31) & ~(nuint)31;
            nuint end = (start + length) & ~(nuint)31;
            while (end > first && end - first >= 32)
            {
                int order = Math.Min(System.Numerics.BitOperations.TrailingZeroCount(first), Log2Floor(end - first));
                order = Math.Min(order, BuddyAllocator.MaxOrder);
                yield return (nuint)1 << order;
                first += (nuint)1 << order;
            }
        }
    }

    private sealed class RegionKind : AllocatorKind
    {
        public override IAllocator Create() => new RegionAllocator();

        public override string ToString() => "region";

        public override bool Reuses => false;

        // The rounded size plus the 16-byte size header; alignment padding is not counted.
        public override (ulong, ulong) Accounted(nuint size, nuint offset) => (Round16(size) + 16, Round16(size) + 16);
    }

    private sealed class TlsfKind(int secondLevel) : AllocatorKind
    {
        public override IAllocator Create() => new TlsfAllocator(secondLevel);

        public override string ToString() => "tlsf" + secondLevel;

        // The rounded size plus the 16-byte header, at least 32; a tail smaller than a
        // minimum block (32) is left in the block, so up to 16 bytes more.
        public override (ulong, ulong) Accounted(nuint size, nuint offset)
        {
            ulong needed = Math.Max(32, Round16(size) + 16);
            return (needed, needed + 16);
        }

        // "Nearly whole" for TLSF: each region is one free block of R bytes (the region
        // aligned to 16, less the 16-byte end sentinel). A request is searched from the
        // next list boundary up, so the largest request sure to succeed is R rounded down to
        // its list boundary (R less under 1/secondLevel of it), less the header.
        public override IEnumerable<nuint> WholeRegionRequests(Arena arena)
        {
            int slLog2 = Log2Floor((ulong)secondLevel);
            foreach ((nuint start, nuint length) in arena.Regions.OrderByDescending(r => r.Length))
            {
                nuint r = ((start + length) & ~(nuint)15) - ((start + 15) & ~(nuint)15) - 16;
                nuint floor = r < ((nuint)1 << (slLog2 + 4)) ? r : r & ~(((nuint)1 << (Log2Floor(r) - slLog2)) - 1);
                yield return floor - 16;
            }
        }
    }
}
