using System.Runtime.CompilerServices;

namespace System;

public static class Buffer
{
    // Byte copy that tolerates overlap. The JIT calls it for block copies; ILC looks it up by name.
    internal static unsafe void Memmove(ref byte destination, ref byte source, nuint length)
    {
        if (length == 0 || Unsafe.AreSame(ref destination, ref source))
            return;
        fixed (byte* dst = &destination)
        fixed (byte* src = &source)
            MemoryBlock.Move(dst, src, length);
    }

    internal static void Memmove<T>(ref T destination, ref T source, nuint elementCount) =>
        Memmove(ref Unsafe.As<T, byte>(ref destination), ref Unsafe.As<T, byte>(ref source), elementCount * (nuint)Unsafe.SizeOf<T>());

    // The collector never moves objects, but an incremental one must see the references a
    // copy overwrites while it marks (Internal.Runtime.WriteBarrier).
    internal static unsafe void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
    {
        if (byteCount == 0 || Unsafe.AreSame(ref destination, ref source))
            return;
        fixed (byte* dst = &destination)
        fixed (byte* src = &source)
            Internal.Runtime.WriteBarrier.Move(dst, src, byteCount);
    }

    public static unsafe void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
    {
        if (sourceBytesToCopy > destinationSizeInBytes)
            throw new ArgumentOutOfRangeException(nameof(sourceBytesToCopy));
        MemoryBlock.Move((byte*)destination, (byte*)source, (nuint)sourceBytesToCopy);
    }
}

internal static unsafe class MemoryBlock
{
    public static void Move(byte* destination, byte* source, nuint length)
    {
        if (destination <= source || destination >= source + length)
        {
            nuint i = 0;
            for (; i + 8 <= length; i += 8)
                *(ulong*)(destination + i) = *(ulong*)(source + i);
            for (; i < length; i++)
                destination[i] = source[i];
        }
        else
        {
            nuint i = length;
            for (; i >= 8; i -= 8)
                *(ulong*)(destination + i - 8) = *(ulong*)(source + i - 8);
            for (; i > 0; i--)
                destination[i - 1] = source[i - 1];
        }
    }

    public static void Fill(byte* destination, byte value, nuint length)
    {
        ulong pattern = value * 0x0101010101010101UL;
        nuint i = 0;
        for (; i + 8 <= length; i += 8)
            *(ulong*)(destination + i) = pattern;
        for (; i < length; i++)
            destination[i] = value;
    }
}

internal static class SpanHelpers
{
    internal static unsafe void ClearWithoutReferences(ref byte destination, nuint byteLength)
    {
        fixed (byte* dst = &destination)
            MemoryBlock.Fill(dst, 0, byteLength);
    }

    internal static unsafe void ClearWithReferences(ref nint destination, nuint pointerSizeLength)
    {
        fixed (nint* dst = &destination)
            Internal.Runtime.WriteBarrier.Clear((byte*)dst, pointerSizeLength * (nuint)sizeof(nint));
    }

    internal static unsafe void Fill(ref byte destination, nuint byteCount, byte value)
    {
        fixed (byte* dst = &destination)
            MemoryBlock.Fill(dst, value, byteCount);
    }

    internal static void Memmove(ref byte destination, ref byte source, nuint length) => Buffer.Memmove(ref destination, ref source, length);
}
