using System.Runtime.CompilerServices;

namespace Uk.Drivers.Virtio;

// Memory the device reads or writes behind the compiler's back: rings and MMIO registers.
// The corlib has no Volatile, so every access is its own call, which keeps the JIT from
// caching, merging or reordering them; x86 keeps stores in order, so nothing more is needed.
public static unsafe class SharedMemory
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static byte Read8(byte* address) => *address;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ushort Read16(byte* address) => *(ushort*)address;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static uint Read32(byte* address) => *(uint*)address;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Write8(byte* address, byte value) => *address = value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Write16(byte* address, ushort value) => *(ushort*)address = value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Write32(byte* address, uint value) => *(uint*)address = value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Write64(byte* address, ulong value) => *(ulong*)address = value;
}
