using System.Collections;

namespace System.Collections.Generic;

// The BCL's List<T>: an array that doubles when full. Enumerated with a struct enumerator
// (foreach allocates nothing); a change to the list while it is enumerated makes the
// enumerator throw, as .NET's does.
public class List<T> : IList<T>, IReadOnlyList<T>
{
    private T[] _items;
    private int _size;
    private int _version;

    public List() => _items = new T[0];

    public List(int capacity)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity));
        _items = new T[capacity];
    }

    public int Count => _size;

    public int Capacity => _items.Length;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_size)
                throw new ArgumentOutOfRangeException(nameof(index));
            return _items[index];
        }
        set
        {
            if ((uint)index >= (uint)_size)
                throw new ArgumentOutOfRangeException(nameof(index));
            _items[index] = value;
            _version++;
        }
    }

    public void Add(T item)
    {
        if (_size == _items.Length)
            Grow(_size + 1);
        _items[_size++] = item;
        _version++;
    }

    public void Insert(int index, T item)
    {
        if ((uint)index > (uint)_size)
            throw new ArgumentOutOfRangeException(nameof(index));
        if (_size == _items.Length)
            Grow(_size + 1);
        for (int i = _size; i > index; i--)
            _items[i] = _items[i - 1];
        _items[index] = item;
        _size++;
        _version++;
    }

    public int IndexOf(T item)
    {
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < _size; i++)
        {
            if (comparer.Equals(_items[i], item))
                return i;
        }
        return -1;
    }

    public bool Contains(T item) => IndexOf(item) >= 0;

    public bool Remove(T item)
    {
        int index = IndexOf(item);
        if (index < 0)
            return false;
        RemoveAt(index);
        return true;
    }

    public void RemoveAt(int index)
    {
        if ((uint)index >= (uint)_size)
            throw new ArgumentOutOfRangeException(nameof(index));
        _size--;
        for (int i = index; i < _size; i++)
            _items[i] = _items[i + 1];
        _items[_size] = default!;
        _version++;
    }

    public void Clear()
    {
        for (int i = 0; i < _size; i++)
            _items[i] = default!;
        _size = 0;
        _version++;
    }

    public T[] ToArray()
    {
        T[] array = new T[_size];
        for (int i = 0; i < _size; i++)
            array[i] = _items[i];
        return array;
    }

    public void Sort(Comparison<T> comparison)
    {
        // Insertion sort: stable, no allocation; lists here are small.
        for (int i = 1; i < _size; i++)
        {
            T item = _items[i];
            int j = i - 1;
            while (j >= 0 && comparison(_items[j], item) > 0)
            {
                _items[j + 1] = _items[j];
                j--;
            }
            _items[j + 1] = item;
        }
        _version++;
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

    bool ICollection<T>.IsReadOnly => false;

    public void CopyTo(T[] array, int arrayIndex)
    {
        if (array is null)
            throw new ArgumentNullException(nameof(array));
        if (arrayIndex < 0 || arrayIndex > array.Length - _size)
            throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.");
        Array.Copy(_items, 0, array, arrayIndex, _size);
    }

    private void Grow(int needed)
    {
        int capacity = _items.Length == 0 ? 4 : _items.Length * 2;
        if (capacity < needed)
            capacity = needed;
        T[] larger = new T[capacity];
        for (int i = 0; i < _size; i++)
            larger[i] = _items[i];
        _items = larger;
    }

    public struct Enumerator : IEnumerator<T>
    {
        private readonly List<T> _list;
        private readonly int _version;
        private int _index;
        private T _current;

        internal Enumerator(List<T> list)
        {
            _list = list;
            _version = list._version;
            _index = 0;
            _current = default!;
        }

        public T Current => _current;

        object? IEnumerator.Current
        {
            get
            {
                if (_index == 0 || _index == _list._size + 1)
                    throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                return _current;
            }
        }

        public bool MoveNext()
        {
            if (_version != _list._version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            if ((uint)_index < (uint)_list._size)
            {
                _current = _list._items[_index];
                _index++;
                return true;
            }
            _current = default!;
            _index = _list._size + 1;
            return false;
        }

        public void Reset()
        {
            if (_version != _list._version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            _index = 0;
            _current = default!;
        }

        public void Dispose()
        {
        }
    }
}
