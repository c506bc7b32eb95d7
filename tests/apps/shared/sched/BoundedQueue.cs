using Uk.Sched;

namespace SchedTests;

// The classic monitor-style bounded buffer.
internal sealed class BoundedQueue
{
    private readonly int[] _items;
    private readonly Mutex _lock = new Mutex();
    private readonly ConditionVariable _notFull = new ConditionVariable();
    private readonly ConditionVariable _notEmpty = new ConditionVariable();
    private int _head;
    private int _count;

    public BoundedQueue(int capacity) => _items = new int[capacity];

    public int HighWater { get; private set; }

    public void Put(int item)
    {
        _lock.Lock();
        while (_count == _items.Length)
            _notFull.Wait(_lock);
        _items[(_head + _count) % _items.Length] = item;
        _count++;
        if (_count > HighWater)
            HighWater = _count;
        _notEmpty.Signal();
        _lock.Unlock();
    }

    public int Take()
    {
        _lock.Lock();
        while (_count == 0)
            _notEmpty.Wait(_lock);
        int item = _items[_head];
        _head = (_head + 1) % _items.Length;
        _count--;
        _notFull.Signal();
        _lock.Unlock();
        return item;
    }
}
