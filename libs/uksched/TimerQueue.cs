namespace Uk.Sched;

// Deadlines, earliest first (a binary min-heap); equal deadlines leave in the order they came.
// Entries are never removed from the middle: a waiter that woke early is skipped by its owner
// when its stale entry comes out (see Scheduler.WakeExpired).
public sealed class TimerQueue<T> where T : class
{
    private Entry[] _heap = new Entry[8];
    private int _count;
    private long _sequence;

    public int Count => _count;

    public long EarliestDeadline => _count == 0 ? long.MaxValue : _heap[0].Deadline;

    public void Add(long deadline, T item)
    {
        if (_count == _heap.Length)
        {
            Entry[] larger = new Entry[_heap.Length * 2];
            for (int i = 0; i < _count; i++)
                larger[i] = _heap[i];
            _heap = larger;
        }
        int at = _count++;
        Entry entry = new Entry(deadline, _sequence++, item);
        while (at > 0)
        {
            int parent = (at - 1) / 2;
            if (!Before(entry, _heap[parent]))
                break;
            _heap[at] = _heap[parent];
            at = parent;
        }
        _heap[at] = entry;
    }

    // The earliest entry whose deadline is at or before now.
    public bool TryTakeExpired(long now, out T? item, out long deadline)
    {
        if (_count == 0 || _heap[0].Deadline > now)
        {
            item = null;
            deadline = 0;
            return false;
        }
        item = _heap[0].Item;
        deadline = _heap[0].Deadline;
        RemoveFirst();
        return true;
    }

    private void RemoveFirst()
    {
        _heap[0] = _heap[--_count];
        _heap[_count] = default;
        if (_count > 0)
            SiftDown(0);
    }

    // Drops the entries keep rejects (stale ones) and restores the heap order: O(n).
    public int RemoveWhere(System.Func<T, long, bool> remove)
    {
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            if (!remove(_heap[i].Item!, _heap[i].Deadline))
                _heap[kept++] = _heap[i];
        }
        int removed = _count - kept;
        for (int i = kept; i < _count; i++)
            _heap[i] = default;
        _count = kept;
        for (int i = _count / 2 - 1; i >= 0; i--)
            SiftDown(i);
        return removed;
    }

    private void SiftDown(int at)
    {
        Entry moving = _heap[at];
        while (true)
        {
            int child = 2 * at + 1;
            if (child >= _count)
                break;
            if (child + 1 < _count && Before(_heap[child + 1], _heap[child]))
                child++;
            if (!Before(_heap[child], moving))
                break;
            _heap[at] = _heap[child];
            at = child;
        }
        _heap[at] = moving;
    }

    private static bool Before(Entry a, Entry b) =>
        a.Deadline < b.Deadline || (a.Deadline == b.Deadline && a.Sequence < b.Sequence);

    private struct Entry
    {
        public long Deadline;
        public long Sequence;
        public T? Item;

        public Entry(long deadline, long sequence, T item)
        {
            Deadline = deadline;
            Sequence = sequence;
            Item = item;
        }
    }
}
