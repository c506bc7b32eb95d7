namespace System.Collections.Generic;

// The BCL's List<T>: an array that doubles when full. Enumerated with a struct enumerator
// (foreach allocates nothing); changing the list while enumerating it is not detected.
public class List<T>
{
    private T[] _items;
    private int _size;

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
        }
    }

    public void Add(T item)
    {
        if (_size == _items.Length)
            Grow(_size + 1);
        _items[_size++] = item;
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
    }

    public void Clear()
    {
        for (int i = 0; i < _size; i++)
            _items[i] = default!;
        _size = 0;
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
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

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

    public struct Enumerator
    {
        private readonly List<T> _list;
        private int _index;

        internal Enumerator(List<T> list)
        {
            _list = list;
            _index = -1;
        }

        public T Current => _list._items[_index];

        public bool MoveNext() => ++_index < _list._size;
    }
}
