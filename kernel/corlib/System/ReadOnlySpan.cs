using System.Runtime.CompilerServices;

namespace System;

public readonly ref struct ReadOnlySpan<T>
{
    private readonly ref T _reference;
    private readonly int _length;

    public ReadOnlySpan(T[]? array)
    {
        if (array is null)
        {
            this = default;
            return;
        }
        _reference = ref MemoryMarshalHelpers.GetArrayDataReference(array);
        _length = array.Length;
    }

    public ReadOnlySpan(T[]? array, int start, int length)
    {
        if (array is null)
        {
            if (start != 0 || length != 0)
                throw new ArgumentOutOfRangeException(nameof(start));
            this = default;
            return;
        }
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length)
            throw new ArgumentOutOfRangeException(nameof(start));
        _reference = ref Unsafe.Add(ref MemoryMarshalHelpers.GetArrayDataReference(array), start);
        _length = length;
    }

    public unsafe ReadOnlySpan(void* pointer, int length)
    {
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length));
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    public ReadOnlySpan(ref readonly T reference)
    {
        _reference = ref Unsafe.AsRef(in reference);
        _length = 1;
    }

    internal ReadOnlySpan(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public static ReadOnlySpan<T> Empty => default;

    public ref readonly T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length)
                throw new IndexOutOfRangeException();
            return ref Unsafe.Add(ref _reference, index);
        }
    }

    public ref readonly T GetPinnableReference() => ref _reference;

    internal ref T GetReference() => ref _reference;

    public ReadOnlySpan<T> Slice(int start)
    {
        if ((uint)start > (uint)_length)
            throw new ArgumentOutOfRangeException(nameof(start));
        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), _length - start);
    }

    public ReadOnlySpan<T> Slice(int start, int length)
    {
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
            throw new ArgumentOutOfRangeException(nameof(start));
        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), length);
    }

    public void CopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
            throw new ArgumentException("Destination is too short.", nameof(destination));
        ref T target = ref destination.GetReference();
        // Copy backwards when the destination starts inside the source, like memmove.
        if (Unsafe.IsAddressGreaterThan(ref target, ref _reference))
        {
            for (int i = _length - 1; i >= 0; i--)
                Unsafe.Add(ref target, i) = Unsafe.Add(ref _reference, i);
        }
        else
        {
            for (int i = 0; i < _length; i++)
                Unsafe.Add(ref target, i) = Unsafe.Add(ref _reference, i);
        }
    }

    public T[] ToArray()
    {
        T[] result = new T[_length];
        CopyTo(result);
        return result;
    }

    public override string ToString()
    {
        if (typeof(T) == typeof(char))
            return new string(new ReadOnlySpan<char>(ref Unsafe.As<T, char>(ref _reference), _length));
        return "System.ReadOnlySpan";
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    public static implicit operator ReadOnlySpan<T>(T[]? array) => new ReadOnlySpan<T>(array);

    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<T> _span;
        private int _index;

        internal Enumerator(ReadOnlySpan<T> span)
        {
            _span = span;
            _index = -1;
        }

        public bool MoveNext() => ++_index < _span.Length;

        public ref readonly T Current => ref _span[_index];
    }
}
