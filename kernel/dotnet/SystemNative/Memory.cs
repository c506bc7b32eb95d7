using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Native memory (NativeMemory.Alloc, Marshal.AllocHGlobal) and the anonymous mappings CoreLib
// reserves (the frozen object heap for RuntimeType objects), from the kernel's heap. One
// address space with no virtual memory manager: a mapping is committed, readable and
// writable at once, and protection changes are accepted without effect. The heap seam has
// no free yet, so Free and MUnmap keep the memory: a documented leak for native memory only.
internal static unsafe class Memory
{
    private const nint MapFailed = -1;
    private const nuint PageSize = 4096;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Malloc")]
    private static void* Malloc(nuint size) => HeapSeam.AllocateAligned(size == 0 ? 1 : size, 16);

    // The heap seam's aligned blocks come zeroed.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Calloc")]
    private static void* Calloc(nuint count, nuint size)
    {
        nuint total = count * size;
        if (size != 0 && total / size != count)
            return null;
        return HeapSeam.AllocateAligned(total == 0 ? 1 : total, 16);
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Free")]
    private static void Free(void* block)
    {
    }

    // Only anonymous mappings (no file descriptor): files are not mapped.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MMap")]
    private static nint MMap(nint address, ulong length, int protection, int flags, nint fd, long offset)
    {
        if (fd != -1)
            return Errors.Fail(Errors.ENOTSUP);
        void* memory = HeapSeam.AllocateAligned((nuint)((length + PageSize - 1) & ~(ulong)(PageSize - 1)), PageSize);
        return memory == null ? (nint)Errors.Fail(Errors.ENOMEM) : (nint)memory;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MUnmap")]
    private static int MUnmap(nint address, ulong length) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MProtect")]
    private static int MProtect(nint address, ulong length, int protection) => 0;
}
