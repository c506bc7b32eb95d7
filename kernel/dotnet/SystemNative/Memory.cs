using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Native memory (NativeMemory.Alloc, Marshal.AllocHGlobal) from the kernel's heap. The heap
// seam has no free yet, so Free keeps the block: a documented leak for native memory only.
internal static unsafe class Memory
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Malloc")]
    private static void* Malloc(nuint size) => HeapSeam.AllocateAligned(size == 0 ? 1 : size, 16);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Free")]
    private static void Free(void* block)
    {
    }

    // No virtual memory API: mappings are refused as out of memory.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MMap")]
    private static nint MMap(nint address, ulong length, int protection, int flags, nint fd, long offset) => Errors.Fail(Errors.ENOMEM);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MUnmap")]
    private static int MUnmap(nint address, ulong length) => Errors.Fail(Errors.EINVAL);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MProtect")]
    private static int MProtect(nint address, ulong length, int protection) => Errors.Fail(Errors.EINVAL);
}
