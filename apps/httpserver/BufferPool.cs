namespace HttpServer;

// Connection buffers kept for reuse: a closed connection's buffers serve the next one, so
// connection churn allocates nothing and leaves no garbage for the collector to find late.
// Holds at most Capacity idle buffers; beyond that a returned one is left to the collector.
public sealed class BufferPool
{
    private readonly byte[]?[] _idle;
    private int _count;

    public BufferPool(int bufferSize, int capacity)
    {
        BufferSize = bufferSize;
        _idle = new byte[]?[capacity];
    }

    public int BufferSize { get; }

    public int Capacity => _idle.Length;

    public int Idle => _count;

    // Buffers handed out and not yet returned.
    public int Rented { get; private set; }

    // Throws OutOfMemoryException when there is no idle buffer and no memory for a new one.
    public byte[] Rent()
    {
        byte[] buffer;
        if (_count == 0)
        {
            buffer = new byte[BufferSize];
        }
        else
        {
            buffer = _idle[--_count]!;
            _idle[_count] = null;
        }
        Rented++;
        return buffer;
    }

    // Anything not of this pool's size (an empty placeholder) is ignored.
    public void Return(byte[] buffer)
    {
        if (buffer.Length != BufferSize)
            return;
        Rented--;
        if (_count < _idle.Length)
            _idle[_count++] = buffer;
    }
}
