using Uk.NetDev;

namespace Uk.Drivers.E1000;

// The receive descriptors and the pooled buffers behind them. The device owns the
// descriptors from its head up to (not including) the tail the driver writes; one always
// stays empty, since head == tail means "nothing posted" to the device. What the device
// completes is checked before anyone sees it: a frame with receive errors, a length below
// an Ethernet header or above the largest frame, or one spread over several buffers (which
// the device never does with 2 KiB buffers and long frames off) is dropped and counted.
public sealed class ReceiveRing
{
    public const byte StatusDone = 1 << 0;
    public const byte StatusEndOfPacket = 1 << 1;
    // CE, SE, SEQ, CXE and RXE: the frame itself is damaged. TCPE and IPE only report a
    // checksum the stack checks anyway.
    public const byte FrameErrors = 1 << 0 | 1 << 1 | 1 << 2 | 1 << 4 | 1 << 7;
    private const int EthernetHeaderLength = 14;

    private readonly DescriptorRing _descriptors;
    private readonly NetBuffer?[] _buffers;
    private readonly NetBufferPool _pool;
    private readonly NetDeviceStatistics _statistics;
    private readonly int _maximumFrame;
    private int _next;
    private int _tail;
    private int _posted;
    private bool _discarding;

    public ReceiveRing(DescriptorRing descriptors, NetBufferPool pool, NetDeviceStatistics statistics, int maximumFrame)
    {
        _descriptors = descriptors;
        _buffers = new NetBuffer?[descriptors.Count];
        _pool = pool;
        _statistics = statistics;
        _maximumFrame = maximumFrame;
    }

    public DescriptorRing Descriptors => _descriptors;

    // What the driver writes to RDT after posting.
    public int Tail => _tail;

    public int Posted => _posted;

    public int Free => _descriptors.Count - 1 - _posted;

    public bool HasCompleted => _posted > 0 && (_descriptors.ReadStatus(_next) & StatusDone) != 0;

    // Posts free pool buffers until the ring is full or the pool empty; true if any was posted.
    public bool Refill()
    {
        bool posted = false;
        while (Free > 0)
        {
            NetBuffer? buffer = _pool.Rent();
            if (buffer is null)
                break;
            _descriptors.PostReceive(_tail, buffer.Data);
            _buffers[_tail] = buffer;
            _tail = Advance(_tail);
            _posted++;
            posted = true;
        }
        return posted;
    }

    // The next good frame the device completed (the caller releases it), or null when there
    // is none yet.
    public NetBuffer? Take()
    {
        while (_posted > 0)
        {
            byte status = _descriptors.ReadStatus(_next);
            if ((status & StatusDone) == 0)
                return null;
            int length = _descriptors.ReadLength(_next);
            byte errors = _descriptors.ReadErrors(_next);
            NetBuffer? buffer = _buffers[_next];
            _buffers[_next] = null;
            _next = Advance(_next);
            _posted--;
            if (buffer is null)
            {
                _statistics.ReceiveErrors++;
                continue;
            }
            bool end = (status & StatusEndOfPacket) != 0;
            if (_discarding || !end)
            {
                // A frame in pieces: the first piece counts it, every piece up to the last is dropped.
                if (!_discarding)
                    _statistics.ReceiveErrors++;
                _discarding = !end;
                buffer.Release();
                continue;
            }
            if ((errors & FrameErrors) != 0 || length < EthernetHeaderLength || length > _maximumFrame || length > buffer.Capacity)
            {
                _statistics.ReceiveErrors++;
                buffer.Release();
                continue;
            }
            buffer.Offset = 0;
            buffer.Length = length;
            _statistics.FramesReceived++;
            _statistics.BytesReceived += (ulong)length;
            return buffer;
        }
        return null;
    }

    private int Advance(int index) => index + 1 == _descriptors.Count ? 0 : index + 1;
}
