namespace GcTests;

// A chained hash table from string keys to string values: the dictionary-like structure the
// collector must keep whole (bucket array, entry objects, key and value strings).
internal sealed class StringTable
{
    private Entry?[] _buckets = new Entry?[64];

    public int Count { get; private set; }

    public void Set(string key, string value)
    {
        int bucket = Bucket(key, _buckets.Length);
        for (Entry? entry = _buckets[bucket]; entry is not null; entry = entry.Next)
        {
            if (entry.Key == key)
            {
                entry.Value = value;
                return;
            }
        }
        _buckets[bucket] = new Entry(key, value, _buckets[bucket]);
        if (++Count > _buckets.Length * 2)
            Grow();
    }

    public string? Get(string key)
    {
        for (Entry? entry = _buckets[Bucket(key, _buckets.Length)]; entry is not null; entry = entry.Next)
        {
            if (entry.Key == key)
                return entry.Value;
        }
        return null;
    }

    private void Grow()
    {
        var larger = new Entry?[_buckets.Length * 2];
        foreach (Entry? head in _buckets)
        {
            for (Entry? entry = head; entry is not null;)
            {
                Entry? next = entry.Next;
                int bucket = Bucket(entry.Key, larger.Length);
                entry.Next = larger[bucket];
                larger[bucket] = entry;
                entry = next;
            }
        }
        _buckets = larger;
    }

    private static int Bucket(string key, int count)
    {
        uint hash = 2166136261;
        for (int i = 0; i < key.Length; i++)
            hash = (hash ^ key[i]) * 16777619;
        return (int)(hash % (uint)count);
    }

    private sealed class Entry
    {
        public Entry(string key, string value, Entry? next)
        {
            Key = key;
            Value = value;
            Next = next;
        }

        public readonly string Key;
        public string Value;
        public Entry? Next;
    }
}
