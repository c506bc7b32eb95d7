using System.Runtime.CompilerServices;

namespace System;

public readonly ref struct Span<T>
{
    private readonly ref T _reference;
    private readonly int _length;

    public Span(T[]? array)
    {
        if (array is null)
        {
            this = default;
            return;
        }
        // A Span<object> over a string[] would let a store of the wrong type through.
        if (!typeof(T).IsValueType && array.GetType() != typeof(T[]))
            throw new ArrayTypeMismatchException();
        _reference = ref MemoryMarshalHelpers.GetArrayDataReference(array);
        _length = array.Length;
    }

    public Span(T[]? array, int start, int length)
    {
        if (array is null)
        {
            if (start != 0 || length != 0)
                throw new ArgumentOutOfRangeException(nameof(start));
            this = default;
            return;
        }
        if (!typeof(T).IsValueType && array.GetType() != typeof(T[]))
            throw new ArrayTypeMismatchException();
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length)
            throw new ArgumentOutOfRangeException(nameof(start));
        _reference = ref Unsafe.Add(ref MemoryMarshalHelpers.GetArrayDataReference(array), start);
        _length = length;
    }

    public unsafe Span(void* pointer, int length)
    {
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length));
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    internal Span(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public static Span<T> Empty => default;

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length)
                throw new IndexOutOfRangeException();
            return ref Unsafe.Add(ref _reference, index);
        }
    }

    public ref T GetPinnableReference() => ref _reference;

    internal ref T GetReference() => ref _reference;

    public Span<T> Slice(int start)
    {
        if ((uint)start > (uint)_length)
            throw new ArgumentOutOfRangeException(nameof(start));
        return new Span<T>(ref Unsafe.Add(ref _reference, start), _length - start);
    }

    public Span<T> Slice(int start, int length)
    {
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
            throw new ArgumentOutOfRangeException(nameof(start));
        return new Span<T>(ref Unsafe.Add(ref _reference, start), length);
    }

    public void Clear()
    {
        for (int i = 0; i < _length; i++)
            Unsafe.Add(ref _reference, i) = default!;
    }

    public void Fill(T value)
    {
        for (int i = 0; i < _length; i++)
            Unsafe.Add(ref _reference, i) = value;
    }

    public void CopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
            throw new ArgumentException("Destination is too short.", nameof(destination));
        new ReadOnlySpan<T>(ref _reference, _length).CopyTo(destination);
    }

    public T[] ToArray() => new ReadOnlySpan<T>(ref _reference, _length).ToArray();

    public Enumerator GetEnumerator() => new Enumerator(this);

    public static implicit operator Span<T>(T[]? array) => new Span<T>(array);

    public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

    public ref struct Enumerator
    {
        private readonly Span<T> _span;
        private int _index;

        internal Enumerator(Span<T> span)
        {
            _span = span;
            _index = -1;
        }

        public bool MoveNext() => ++_index < _span.Length;

        public ref T Current => ref _span[_index];
    }
}
