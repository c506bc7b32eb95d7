using System;

// Template kvstore. The storage libraries it needs (virtio-blk, vfscore) are not in the
// catalog yet: the store lives in memory and is gone at exit.
Console.WriteLine("ukapp: key-value store (template kvstore)");
var store = new Store(16);
store.Set("greeting", "hello");
store.Set("answer", "42");
Console.WriteLine("get greeting = " + store.Get("greeting"));
Console.WriteLine("get answer = " + store.Get("answer"));
Console.WriteLine("would: persist to a virtio-blk disk; not yet: needs libraries virtio-blk vfscore (see unikernel.yaml)");
return 0;

// A fixed-size store with linear lookup: no Dictionary needed.
sealed class Store(int capacity)
{
    private readonly string[] _keys = new string[capacity];
    private readonly string[] _values = new string[capacity];
    private int _count;

    public void Set(string key, string value)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_keys[i] == key) { _values[i] = value; return; }
        }
        _keys[_count] = key;
        _values[_count] = value;
        _count++;
    }

    public string Get(string key)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_keys[i] == key) return _values[i];
        }
        return "(none)";
    }
}
