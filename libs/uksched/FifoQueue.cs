namespace Uk.Sched;

// A growable ring: first in, first out, no allocation once it has grown to its high-water mark.
public sealed class FifoQueue<T> where T : class
{
    private T?[] _items = new T?[8];
    private int _head;
    private int _count;

    public int Count => _count;

    public void Enqueue(T item)
    {
        if (_count == _items.Length)
            Grow();
        _items[(_head + _count) % _items.Length] = item;
        _count++;
    }

    public T? Dequeue()
    {
        if (_count == 0)
            return null;
        T? item = _items[_head];
        _items[_head] = null;
        _head = (_head + 1) % _items.Length;
        _count--;
        return item;
    }

    public T? Peek() => _count == 0 ? null : _items[_head];

    private void Grow()
    {
        T?[] larger = new T?[_items.Length * 2];
        for (int i = 0; i < _count; i++)
            larger[i] = _items[(_head + i) % _items.Length];
        _items = larger;
        _head = 0;
    }
}
