using System.Collections;

namespace System.Collections.Generic;

// The BCL's Dictionary<TKey, TValue>: separate chaining over an array of buckets, entries in
// one array with a free list, resized to about twice the size when full. Enumeration is in
// insertion order while nothing was removed (as the BCL's happens to be). As in .NET, only
// adding a key invalidates enumerators; overwriting a value, removing and clearing do not.
public class Dictionary<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>> where TKey : notnull
{
    private struct Entry
    {
        public int HashCode;
        // Index of the next entry in the bucket's chain (or in the free list), -1 at the end.
        public int Next;
        public TKey Key;
        public TValue Value;
    }

    private readonly EqualityComparer<TKey> _comparer = EqualityComparer<TKey>.Default;
    private int[] _buckets = new int[0];
    private Entry[] _entries = new Entry[0];
    private int _used;
    private int _freeList = -1;
    private int _freeCount;
    private int _version;

    public int Count => _used - _freeCount;

    public TValue this[TKey key]
    {
        get
        {
            int index = FindEntry(key);
            if (index < 0)
                throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
            return _entries[index].Value;
        }
        set => Insert(key, value, overwrite: true);
    }

    public void Add(TKey key, TValue value)
    {
        if (!Insert(key, value, overwrite: false))
            throw new ArgumentException("An item with the same key has already been added. Key: " + key.ToString());
    }

    public bool TryAdd(TKey key, TValue value) => Insert(key, value, overwrite: false);

    public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

    public bool TryGetValue(TKey key, out TValue value)
    {
        int index = FindEntry(key);
        if (index < 0)
        {
            value = default!;
            return false;
        }
        value = _entries[index].Value;
        return true;
    }

    public bool Remove(TKey key)
    {
        if (_buckets.Length == 0)
            return false;
        int hash = _comparer.GetHashCode(key) & 0x7FFFFFFF;
        int bucket = hash % _buckets.Length;
        int previous = -1;
        for (int i = _buckets[bucket] - 1; i >= 0; previous = i, i = _entries[i].Next)
        {
            if (_entries[i].HashCode != hash || !_comparer.Equals(_entries[i].Key, key))
                continue;
            if (previous < 0)
                _buckets[bucket] = _entries[i].Next + 1;
            else
                _entries[previous].Next = _entries[i].Next;
            _entries[i].Key = default!;
            _entries[i].Value = default!;
            _entries[i].HashCode = -1;
            _entries[i].Next = _freeList;
            _freeList = i;
            _freeCount++;
            return true;
        }
        return false;
    }

    public void Clear()
    {
        _buckets = new int[0];
        _entries = new Entry[0];
        _used = 0;
        _freeList = -1;
        _freeCount = 0;
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

    private int FindEntry(TKey key)
    {
        if (key is null)
            throw new ArgumentNullException(nameof(key));
        if (_buckets.Length == 0)
            return -1;
        int hash = _comparer.GetHashCode(key) & 0x7FFFFFFF;
        // Buckets hold entry index + 1 so that a zeroed array means empty.
        for (int i = _buckets[hash % _buckets.Length] - 1; i >= 0; i = _entries[i].Next)
        {
            if (_entries[i].HashCode == hash && _comparer.Equals(_entries[i].Key, key))
                return i;
        }
        return -1;
    }

    private bool Insert(TKey key, TValue value, bool overwrite)
    {
        int existing = FindEntry(key);
        if (existing >= 0)
        {
            if (!overwrite)
                return false;
            _entries[existing].Value = value;
            return true;
        }
        int index;
        if (_freeCount > 0)
        {
            index = _freeList;
            _freeList = _entries[index].Next;
            _freeCount--;
        }
        else
        {
            if (_used == _entries.Length)
                Resize();
            index = _used++;
        }
        int hash = _comparer.GetHashCode(key) & 0x7FFFFFFF;
        int bucket = hash % _buckets.Length;
        _entries[index].HashCode = hash;
        _entries[index].Key = key;
        _entries[index].Value = value;
        _entries[index].Next = _buckets[bucket] - 1;
        _buckets[bucket] = index + 1;
        _version++;
        return true;
    }

    private void Resize()
    {
        int size = _entries.Length == 0 ? 7 : _entries.Length * 2 + 1;
        var entries = new Entry[size];
        for (int i = 0; i < _used; i++)
            entries[i] = _entries[i];
        var buckets = new int[size];
        for (int i = 0; i < _used; i++)
        {
            if (entries[i].HashCode < 0)
                continue;
            int bucket = entries[i].HashCode % size;
            entries[i].Next = buckets[bucket] - 1;
            buckets[bucket] = i + 1;
        }
        _entries = entries;
        _buckets = buckets;
    }

    public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
    {
        private readonly Dictionary<TKey, TValue> _dictionary;
        private readonly int _version;
        private int _index;
        private KeyValuePair<TKey, TValue> _current;

        internal Enumerator(Dictionary<TKey, TValue> dictionary)
        {
            _dictionary = dictionary;
            _version = dictionary._version;
            _index = -1;
            _current = default;
        }

        public KeyValuePair<TKey, TValue> Current => _current;

        object IEnumerator.Current => _current;

        public bool MoveNext()
        {
            if (_version != _dictionary._version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            while (++_index < _dictionary._used)
            {
                if (_dictionary._entries[_index].HashCode >= 0)
                {
                    _current = new KeyValuePair<TKey, TValue>(_dictionary._entries[_index].Key, _dictionary._entries[_index].Value);
                    return true;
                }
            }
            _index = _dictionary._used;
            _current = default;
            return false;
        }

        public void Reset()
        {
            if (_version != _dictionary._version)
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            _index = -1;
            _current = default;
        }

        public void Dispose()
        {
        }
    }
}
