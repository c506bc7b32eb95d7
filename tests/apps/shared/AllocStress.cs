using System;
using Uk.Alloc;
using Uk.Core;

namespace AllocStress;

// An allocation stress run inside the guest, the same for every allocator library: mixed
// sizes and alignments with content checks, managed `new`, statistics, and what happens
// when memory runs out. Prints "ok ..." / "FAIL ..." lines and exits 0 when all passed.
public static unsafe class Program
{
    private const int Slots = 256;
    private static int s_failures;

    public static int Main(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "stress";
        IAllocator allocator = Heap.Allocator;
        Console.WriteLine("stress: " + allocator.Name + (allocator.SupportsFree ? "" : " (no free)"));
        if (mode == "managed-oom")
        {
            // Far more than any test guest has: managed new cannot return null, so this panics.
            byte[] huge = new byte[Escape(1 << 30)];
            Console.WriteLine("unreachable: " + Escape(huge.Length).ToString());
            return 0;
        }

        if (mode == "bench")
        {
            BenchPairs(allocator, 20000);
            return 0;
        }

        AllocatorStatistics before = Heap.Statistics;
        ulong allocated = MixedSizes(allocator, rounds: 20000);
        ManagedObjects();
        RunTimeMapping();
        AllocatorStatistics after = Heap.Statistics;
        Check("statistics count every allocation", after.Allocations >= before.Allocations + allocated && allocated > 5000);
        Check("no failures while memory was plentiful", after.Failures == before.Failures);
        if (allocator.SupportsFree)
            Check("everything freed is accounted free again", after.BytesInUse <= before.BytesInUse + 2 * 1024 * 1024);
        PrintStatistics(after);
        RunOutOfMemory(allocator);

        Console.WriteLine(s_failures == 0 ? "stress passed" : s_failures.ToString() + " checks failed");
        return s_failures == 0 ? 0 : 1;
    }

    // Returns how many allocations succeeded.
    private static ulong MixedSizes(IAllocator allocator, int rounds)
    {
        ulong allocated = 0;
        nint[] blocks = new nint[Slots];
        nuint[] sizes = new nuint[Slots];
        uint random = 12345;
        bool contentKept = true;
        bool aligned = true;
        ulong started = Plat.ReadTimestampCounter();
        for (int round = 0; round < rounds; round++)
        {
            random = random * 1664525 + 1013904223;
            int slot = (int)(random >> 8) % Slots;
            if (blocks[slot] != 0)
            {
                contentKept &= Verify((byte*)blocks[slot], sizes[slot], (byte)slot);
                allocator.Free((void*)blocks[slot]);
                blocks[slot] = 0;
                continue;
            }
            nuint size = SizeFor(random);
            nuint alignment = (random & 7) == 0 ? (nuint)1 << (int)(4 + (random >> 28) % 9) : Heap.MinimumAlignment;
            byte* block = (byte*)(alignment > Heap.MinimumAlignment ? allocator.AllocateAligned(size, alignment) : allocator.Allocate(size));
            if (block == null)
                continue;
            allocated++;
            aligned &= ((nuint)block & (alignment - 1)) == 0;
            Fill(block, size, (byte)slot);
            blocks[slot] = (nint)block;
            sizes[slot] = size;
        }
        ulong cycles = Plat.ReadTimestampCounter() - started;
        Console.WriteLine("alloc pairs: " + rounds.ToString() + " operations in " + cycles.ToString() + " cycles, " + (cycles / (ulong)rounds).ToString() + " per operation");

        for (int slot = 0; slot < Slots; slot++)
        {
            if (blocks[slot] == 0)
                continue;
            // Growing keeps the old content, at a possibly different address.
            byte* grown = (byte*)allocator.Reallocate((void*)blocks[slot], sizes[slot] * 2 + 1);
            if (grown != null)
            {
                contentKept &= Verify(grown, sizes[slot], (byte)slot);
                allocator.Free(grown);
            }
            blocks[slot] = 0;
        }
        Check("content survives until free and across realloc", contentKept);
        Check("blocks aligned as asked", aligned);
        return allocated;
    }

    private static void ManagedObjects()
    {
        int total = 0;
        for (int i = 0; i < 2000; i++)
        {
            int[] numbers = new int[i % 64 + 1];
            numbers[numbers.Length - 1] = i;
            string text = "item " + i.ToString();
            total += numbers[numbers.Length - 1] + text.Length;
        }
        Check("managed new served by the allocator", total > 0);
    }

    // A page mapped at run time above the 4 GiB identity map: the page tables it needs come
    // from this allocator now that the early heap has retired.
    private static void RunTimeMapping()
    {
        IAddressSpace space = Kernel.AddressSpace!;
        ulong* frame = (ulong*)Heap.AllocateAligned(4096, 4096);
        ulong window = 5UL << 30;
        bool mapped = space.Map(window, (ulong)frame, 4096, PageRights.Writable);
        Check("run-time mapping above the identity map", mapped);
        if (!mapped)
            return;
        *(ulong*)window = 0x5EED_F00D_CAFE;
        Check("the mapped window reaches the frame", *frame == 0x5EED_F00D_CAFE);
        Check("protect makes the window read-only", space.Protect(window, 4096, PageRights.None)
            && space.Translate(window, out ulong physical, out PageRights rights) && rights == PageRights.None && physical == (ulong)frame);
        Check("unmap removes the window", space.Unmap(window, 4096) && !space.Translate(window, out _, out _));
    }

    // Allocation failure is an answer, not a crash: keep asking for 64 KiB blocks until
    // the allocator says no, then give everything back.
    private static void RunOutOfMemory(IAllocator allocator)
    {
        ulong failuresBefore = allocator.Statistics.Failures;
        nint first = 0;
        ulong served = 0;
        while (true)
        {
            void* block = allocator.Allocate(64 * 1024);
            if (block == null)
                break;
            *(nint*)block = first;
            first = (nint)block;
            served += 64 * 1024;
        }
        Check("out of memory returns null and counts a failure", allocator.Statistics.Failures == failuresBefore + 1);
        Console.WriteLine("out of memory after " + (served / 1024).ToString() + " KiB more");
        while (first != 0)
        {
            nint next = *(nint*)first;
            allocator.Free((void*)first);
            first = next;
        }
        if (allocator.SupportsFree)
            Check("memory is usable again after freeing", allocator.Allocate(1024 * 1024) != null);
    }

    // Allocation and free only, no touching of the blocks: what bench/alloc reports.
    private static void BenchPairs(IAllocator allocator, int pairs)
    {
        nint[] blocks = new nint[Slots];
        nuint[] sizes = new nuint[pairs];
        uint random = 42;
        for (int i = 0; i < pairs; i++)
        {
            random = random * 1664525 + 1013904223;
            sizes[i] = SizeFor(random) / 4;
        }
        for (int slot = 0; slot < Slots; slot++)
            blocks[slot] = (nint)allocator.Allocate(sizes[slot]);
        // A warm-up pass first: one-time costs (the guest's first touch of a page is a host
        // page fault; buddy carves its regions on first need) stay out of the timing.
        Pairs(allocator, blocks, sizes, pairs / 10);
        ulong started = Plat.ReadTimestampCounter();
        Pairs(allocator, blocks, sizes, pairs);
        ulong cycles = Plat.ReadTimestampCounter() - started;
        Console.WriteLine("bench pairs: " + pairs.ToString() + " alloc+free pairs in " + cycles.ToString() + " cycles, " + (cycles / (ulong)pairs).ToString() + " per pair");
    }

    private static void Pairs(IAllocator allocator, nint[] blocks, nuint[] sizes, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int slot = (int)((uint)(sizes[i] * 2654435761U + (uint)i) % Slots);
            allocator.Free((void*)blocks[slot]);
            blocks[slot] = (nint)allocator.Allocate(sizes[i]);
        }
    }

    // Keeps the compiler from proving a value constant or an allocation unused.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int Escape(int value) => value;

    private static nuint SizeFor(uint random) => (random % 10) switch
    {
        < 6 => 16 + (random >> 12) % 240,
        < 9 => 256 + (random >> 12) % 3840,
        _ => 4096 + (random >> 12) % 61440,
    };

    private static void Fill(byte* block, nuint size, byte seed)
    {
        for (nuint i = 0; i < size; i += 61)
            block[i] = (byte)(seed + i);
        block[size - 1] = seed;
    }

    private static bool Verify(byte* block, nuint size, byte seed)
    {
        for (nuint i = 0; i < size; i += 61)
        {
            if (block[i] != (byte)(seed + i) && i != size - 1)
                return false;
        }
        return block[size - 1] == seed;
    }

    private static void PrintStatistics(AllocatorStatistics s) =>
        Console.WriteLine("stats: in use " + (s.BytesInUse / 1024).ToString() + " KiB, free " + (s.BytesFree / 1024).ToString()
            + " KiB, peak " + (s.PeakBytesInUse / 1024).ToString() + " KiB, allocations " + s.Allocations.ToString()
            + ", frees " + s.Frees.ToString() + ", failures " + s.Failures.ToString());

    private static void Check(string name, bool condition)
    {
        if (!condition)
            s_failures++;
        Console.WriteLine((condition ? "ok " : "FAIL ") + name);
    }
}
