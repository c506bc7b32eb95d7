using System;
using System.Numerics;

namespace Uk.Sched.Preempt;

// One round-robin queue per priority (0-15, higher first) and a bitmap of the non-empty ones,
// so picking the next thread costs the same however many are ready.
public sealed class PriorityRunQueue<T> : IRunQueue<T> where T : class
{
    public const int Levels = 16;

    private readonly FifoQueue<T>[] _levels = new FifoQueue<T>[Levels];
    private uint _nonEmpty;
    private int _count;

    public PriorityRunQueue()
    {
        for (int i = 0; i < Levels; i++)
            _levels[i] = new FifoQueue<T>();
    }

    public int Count => _count;

    public void Enqueue(T item, int priority)
    {
        if ((uint)priority >= Levels)
            throw new ArgumentOutOfRangeException(nameof(priority), "thread priorities run from 0 to 15");
        _levels[priority].Enqueue(item);
        _nonEmpty |= 1u << priority;
        _count++;
    }

    public T? Dequeue()
    {
        if (_nonEmpty == 0)
            return null;
        int level = 31 - BitOperations.LeadingZeroCount(_nonEmpty);
        T? item = _levels[level].Dequeue();
        if (_levels[level].Count == 0)
            _nonEmpty &= ~(1u << level);
        _count--;
        return item;
    }

    public bool HasHigherThan(int priority) => priority < Levels - 1 && (_nonEmpty >> (priority + 1)) != 0;
}
