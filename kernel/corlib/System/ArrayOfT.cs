using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System;

// ILC builds every single-dimensional array type T[] from Array<T>: its interfaces and their
// implementations here are what makes T[] an IList<T>, IReadOnlyList<T> and IEnumerable<T>
// as in .NET. `this` is always a T[].
public class Array<T> : Array, IList<T>, IReadOnlyList<T>
{
    private T[] Items => Unsafe.As<T[]>(this);

    public new IEnumerator<T> GetEnumerator() => new ArrayEnumerator<T>(Items);

    IEnumerator IEnumerable.GetEnumerator() => new ArrayEnumerator<T>(Items);

    int ICollection<T>.Count => Items.Length;

    int IReadOnlyCollection<T>.Count => Items.Length;

    bool ICollection<T>.IsReadOnly => true;

    T IList<T>.this[int index]
    {
        get => ElementAt(index);
        set
        {
            if ((uint)index >= (uint)Items.Length)
                throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
            Items[index] = value;
        }
    }

    T IReadOnlyList<T>.this[int index] => ElementAt(index);

    int IList<T>.IndexOf(T item) => IndexOfItem(item);

    bool ICollection<T>.Contains(T item) => IndexOfItem(item) >= 0;

    void ICollection<T>.CopyTo(T[] array, int arrayIndex)
    {
        if (array is null)
            throw new ArgumentNullException(nameof(array));
        if (arrayIndex < 0 || arrayIndex > array.Length - Items.Length)
            throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.");
        Array.Copy(Items, 0, array, arrayIndex, Items.Length);
    }

    void ICollection<T>.Add(T item) => throw FixedSize();

    void ICollection<T>.Clear() => throw FixedSize();

    bool ICollection<T>.Remove(T item) => throw FixedSize();

    void IList<T>.Insert(int index, T item) => throw FixedSize();

    void IList<T>.RemoveAt(int index) => throw FixedSize();

    private T ElementAt(int index)
    {
        T[] items = Items;
        if ((uint)index >= (uint)items.Length)
            throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
        return items[index];
    }

    private int IndexOfItem(T item)
    {
        T[] items = Items;
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < items.Length; i++)
        {
            if (comparer.Equals(items[i], item))
                return i;
        }
        return -1;
    }

    private static NotSupportedException FixedSize() => new NotSupportedException("Collection was of a fixed size.");
}

internal sealed class ArrayEnumerator<T> : IEnumerator<T>
{
    private readonly T[] _items;
    private int _index = -1;

    internal ArrayEnumerator(T[] items) => _items = items;

    public T Current
    {
        get
        {
            if ((uint)_index >= (uint)_items.Length)
                throw new InvalidOperationException(_index < 0 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
            return _items[_index];
        }
    }

    object? IEnumerator.Current => Current;

    public bool MoveNext()
    {
        if (_index < _items.Length)
            _index++;
        return _index < _items.Length;
    }

    public void Reset() => _index = -1;

    public void Dispose()
    {
    }
}
