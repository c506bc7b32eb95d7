using System;

namespace TypeSystem;

// A generic container used over value and reference types.
public sealed class Box<T>
{
    private T[] _items = new T[2];
    private int _count;

    public int Count => _count;

    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            T[] larger = new T[_items.Length * 2];
            new ReadOnlySpan<T>(_items).CopyTo(larger);
            _items = larger;
        }
        _items[_count++] = item;
    }

    public T this[int index] => index < _count ? _items[index] : throw new IndexOutOfRangeException();
}

public static class Generic
{
    public static T Max<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

    public static bool IsDefault<T>(T value) => value is null || value.Equals(default(T));
}
