using System.Runtime.InteropServices;

namespace Internal.Runtime;

// The write barriers' shared state (runtime/helpers.asm: marking flag, entry count, flush
// function, entries) and the bulk paths that overwrite references without going through a
// barrier (array copies and clears, span copies of structs with references). An incremental
// collector installs Move and Clear so those shade what they overwrite while it marks; without
// one they are plain memory operations.
internal static unsafe class WriteBarrier
{
    private static delegate*<byte*, byte*, nuint, void> s_move;
    private static delegate*<byte*, nuint, void> s_clear;

    internal static void* State => uk_gc_barrier_state();

    internal static int Capacity => uk_gc_barrier_capacity();

    internal static void InstallBulkPaths(delegate*<byte*, byte*, nuint, void> move, delegate*<byte*, nuint, void> clear)
    {
        s_move = move;
        s_clear = clear;
    }

    // Moves length bytes that may hold references (overlap allowed).
    internal static void Move(byte* destination, byte* source, nuint length)
    {
        if (s_move != null)
            s_move(destination, source, length);
        else
#if UK_BCL_DOTNET
            NativeMemory.Copy(source, destination, length);
#else
            System.MemoryBlock.Move(destination, source, length);
#endif
    }

    // Zeroes length bytes that may hold references.
    internal static void Clear(byte* destination, nuint length)
    {
        if (s_clear != null)
            s_clear(destination, length);
        else
#if UK_BCL_DOTNET
            NativeMemory.Clear(destination, length);
#else
            System.MemoryBlock.Fill(destination, 0, length);
#endif
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_gc_barrier_state();

    [DllImport("*"), SuppressGCTransition]
    private static extern int uk_gc_barrier_capacity();
}
