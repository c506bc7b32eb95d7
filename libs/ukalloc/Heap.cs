using Internal.Runtime;
using Uk.Core;

namespace Uk.Alloc;

// The image's allocator. An implementation library installs itself here at start-up; from
// then on managed `new` and every library's allocations are served by it.
public static unsafe class Heap
{
    public const nuint MinimumAlignment = 16;

    private static IAllocator? s_allocator;

    public static IAllocator Allocator => s_allocator ?? throw new System.InvalidOperationException("No allocator is installed: list an allocator library (ukallocbuddy, ukallocregion, ukalloctlsf) in unikernel.yaml.");

    public static bool IsInstalled => s_allocator is not null;

    // Time-stamp-counter cycles Install took, for the allocator benchmark.
    public static ulong InitializationCycles { get; private set; }

    // Gives allocator every free memory region the platform reported and routes managed
    // allocation to it.
    public static void Install(IAllocator allocator)
    {
        ulong started = Plat.ReadTimestampCounter();
        MemoryRegion[] regions = Kernel.Boot?.FreeMemory ?? new MemoryRegion[0];
        EarlyHeap.Retire(out void* earlyRest, out nuint earlyRestLength);
        allocator.AddRegion(earlyRest, earlyRestLength);
        ulong total = earlyRestLength;
        for (int i = 0; i < regions.Length; i++)
        {
            allocator.AddRegion((void*)regions[i].Start, (nuint)regions[i].Length);
            total += regions[i].Length;
        }
        s_allocator = allocator;
        HeapSeam.Install(&AllocateManaged, &AllocateAlignedZeroed, &ManagedStatistics);
        InitializationCycles = Plat.ReadTimestampCounter() - started;
        Log.Info("alloc: " + allocator.Name + " over " + (regions.Length + 1).ToString() + " regions, "
            + (total / 1024).ToString() + " KiB, set up in " + InitializationCycles.ToString() + " cycles");
    }

    // Allocators are not reentrant: every call runs with interrupts off, so neither a
    // preempting thread nor an interrupt handler can enter one half-way through another.
    public static void* Allocate(nuint size)
    {
        ulong flags = Plat.DisableInterrupts();
        void* block = Allocator.Allocate(size);
        Plat.RestoreInterrupts(flags);
        return block;
    }

    public static void* AllocateAligned(nuint size, nuint alignment)
    {
        ulong flags = Plat.DisableInterrupts();
        void* block = Allocator.AllocateAligned(size, alignment);
        Plat.RestoreInterrupts(flags);
        return block;
    }

    public static void* AllocateZeroed(nuint size)
    {
        void* block = Allocate(size);
        if (block != null)
            System.Runtime.CompilerServices.Unsafe.InitBlockUnaligned(block, 0, (uint)size);
        return block;
    }

    public static void* Reallocate(void* block, nuint size)
    {
        ulong flags = Plat.DisableInterrupts();
        void* moved = Allocator.Reallocate(block, size);
        Plat.RestoreInterrupts(flags);
        return moved;
    }

    public static void Free(void* block)
    {
        ulong flags = Plat.DisableInterrupts();
        Allocator.Free(block);
        Plat.RestoreInterrupts(flags);
    }

    public static AllocatorStatistics Statistics
    {
        get
        {
            ulong flags = Plat.DisableInterrupts();
            AllocatorStatistics statistics = Allocator.Statistics;
            Plat.RestoreInterrupts(flags);
            return statistics;
        }
    }

    // Managed objects need zeroed memory; the runtime turns a null into the out-of-memory panic.
    private static void* AllocateManaged(nuint size) => AllocateZeroed(size);

    // Page frames for new page tables, once the early heap has retired.
    private static void* AllocateAlignedZeroed(nuint size, nuint alignment)
    {
        void* block = AllocateAligned(size, alignment);
        if (block != null)
            System.Runtime.CompilerServices.Unsafe.InitBlockUnaligned(block, 0, (uint)size);
        return block;
    }

    private static HeapStatistics ManagedStatistics()
    {
        AllocatorStatistics statistics = Statistics;
        return new HeapStatistics
        {
            BytesInUse = statistics.BytesInUse,
            BytesFree = statistics.BytesFree,
            Allocations = statistics.Allocations,
            Failures = statistics.Failures,
        };
    }
}
