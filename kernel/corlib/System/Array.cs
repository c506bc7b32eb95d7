using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

public abstract partial class Array : IEnumerable
{
    // ILC and the runtime rely on the element count being the first field.
    private int _numComponents;

    public int Length => (int)Unsafe.As<RawArrayData>(this).Length;

    public static void Copy(Array sourceArray, Array destinationArray, int length) =>
        Copy(sourceArray, 0, destinationArray, 0, length);

    public static unsafe void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
    {
        if (sourceArray is null)
            throw new ArgumentNullException(nameof(sourceArray));
        if (destinationArray is null)
            throw new ArgumentNullException(nameof(destinationArray));
        if (sourceArray.m_pEEType != destinationArray.m_pEEType)
            throw new ArrayTypeMismatchException();
        if (length < 0 || sourceIndex < 0 || destinationIndex < 0
            || sourceIndex > sourceArray.Length - length || destinationIndex > destinationArray.Length - length)
            throw new ArgumentOutOfRangeException(nameof(length));
        nuint elementSize = sourceArray.m_pEEType->ComponentSize;
        ref byte source = ref Unsafe.Add(ref Unsafe.As<RawArrayData>(sourceArray).Data, (nint)((nuint)sourceIndex * elementSize));
        ref byte destination = ref Unsafe.Add(ref Unsafe.As<RawArrayData>(destinationArray).Data, (nint)((nuint)destinationIndex * elementSize));
        if (sourceArray.m_pEEType->ContainsGCPointers)
            Buffer.BulkMoveWithWriteBarrier(ref destination, ref source, (nuint)length * elementSize);
        else
            Buffer.Memmove(ref destination, ref source, (nuint)length * elementSize);
    }

    public static void Clear(Array array) => Clear(array, 0, array.Length);

    public static unsafe void Clear(Array array, int index, int length)
    {
        if (index < 0 || length < 0 || index > array.Length - length)
            throw new ArgumentOutOfRangeException(nameof(index));
        nuint elementSize = array.m_pEEType->ComponentSize;
        ref byte start = ref Unsafe.Add(ref Unsafe.As<RawArrayData>(array).Data, (nint)((nuint)index * elementSize));
        if (array.m_pEEType->ContainsGCPointers)
            SpanHelpers.ClearWithReferences(ref Unsafe.As<byte, nint>(ref start), (nuint)length * elementSize / (nuint)sizeof(nint));
        else
            SpanHelpers.ClearWithoutReferences(ref start, (nuint)length * elementSize);
    }

    public static T[] Empty<T>() => EmptyArray<T>.Value;

    public static void Resize<T>(ref T[]? array, int newSize)
    {
        if (newSize < 0)
            throw new ArgumentOutOfRangeException(nameof(newSize));
        T[] larger = new T[newSize];
        if (array is not null)
            new ReadOnlySpan<T>(array, 0, array.Length < newSize ? array.Length : newSize).CopyTo(larger);
        array = larger;
    }

    public static int IndexOf<T>(T[] array, T value) where T : IEquatable<T>? => new ReadOnlySpan<T>(array).IndexOf(value);

    // Every array type overrides this through Array<T>; only arrays ILC builds without it
    // (multi-dimensional ones) land here.
    public IEnumerator GetEnumerator() => throw new NotSupportedException("Enumerating a multi-dimensional array is not supported.");

    private static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }
}


[StructLayout(LayoutKind.Sequential)]
internal class RawArrayData
{
    public uint Length;
    public uint Padding;
    public byte Data;
}

internal static class MemoryMarshalHelpers
{
    public static ref T GetArrayDataReference<T>(T[] array) =>
        ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data);
}
