namespace Uk.Core;

// The ring behind ConsoleInput, apart from the hardware so that host tests can drive it:
// bytes in arrival order, and the flow-control decisions as results: hold the sender off
// when only the slack is left, let it go on once the reader has taken the queue down to half.
public sealed class InputQueue
{
    private readonly byte[] _bytes;
    private readonly int _holdOffAt;
    private int _head;
    private int _count;

    public InputQueue(int capacity, int holdOffSlack)
    {
        _bytes = new byte[capacity];
        _holdOffAt = capacity - holdOffSlack;
    }

    public int Count => _count;

    public bool IsFull => _count == _bytes.Length;

    public bool IsHeldOff { get; private set; }

    // Queues a byte; false (the byte not taken) when full. holdOff: the sender must be held
    // off now (said once, until the reader resumes it).
    public bool TryEnqueue(byte value, out bool holdOff)
    {
        holdOff = false;
        if (IsFull)
            return false;
        _bytes[(_head + _count) % _bytes.Length] = value;
        _count++;
        if (!IsHeldOff && _count >= _holdOffAt)
        {
            IsHeldOff = true;
            holdOff = true;
        }
        return true;
    }

    // The oldest byte, or -1 when empty. resume: a held-off sender may go on now.
    public int Dequeue(out bool resume)
    {
        resume = false;
        if (_count == 0)
            return -1;
        int value = _bytes[_head];
        _head = (_head + 1) % _bytes.Length;
        _count--;
        if (IsHeldOff && _count <= _bytes.Length / 2)
        {
            IsHeldOff = false;
            resume = true;
        }
        return value;
    }
}
