using System.Runtime.InteropServices;

namespace System;

// The minimal corlib's raw memory operations, over .NET's NativeMemory, for the kernel
// libraries that use them (the collector's bulk paths).
internal static unsafe class MemoryBlock
{
    internal static void Move(byte* destination, byte* source, nuint length) => NativeMemory.Copy(source, destination, length);

    internal static void Fill(byte* destination, byte value, nuint length) => NativeMemory.Fill(destination, length, value);
}
