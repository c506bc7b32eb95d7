namespace Uk.NetDev;

// A fixed set of equally sized packet buffers, allocated up front so the data path never
// allocates: Rent takes one (null when all are out), Return gives it back.
public sealed class NetBufferPool
{
    private readonly NetBuffer[] _free;
    private int _freeCount;

    public NetBufferPool(int count, int capacity, int headroom)
    {
        _free = new NetBuffer[count];
        for (int i = 0; i < count; i++)
            _free[i] = new NetBuffer(this, capacity, headroom);
        _freeCount = count;
        BufferCapacity = capacity;
        Headroom = headroom;
    }

    public int Count => _free.Length;

    public int Available => _freeCount;

    public int BufferCapacity { get; }

    public int Headroom { get; }

    // Rents that found the pool empty.
    public ulong Exhausted { get; private set; }

    public NetBuffer? Rent()
    {
        ulong flags = Uk.Core.Interrupts.Disable();
        NetBuffer? buffer = null;
        if (_freeCount > 0)
        {
            buffer = _free[--_freeCount];
            _free[_freeCount] = null!;
        }
        else
            Exhausted++;
        Uk.Core.Interrupts.Restore(flags);
        return buffer;
    }

    public void Return(NetBuffer buffer)
    {
        ulong flags = Uk.Core.Interrupts.Disable();
        // A double release would hand one buffer to two users; the bound stops the overflow.
        if (_freeCount < _free.Length)
            _free[_freeCount++] = buffer;
        Uk.Core.Interrupts.Restore(flags);
    }
}
