using Uk.NetDev;

namespace Uk.Drivers.Vmxnet3;

// The receive queue: ring 0 of 16-byte descriptors, each holding one 2 KiB pool buffer, and
// the completion ring the device writes. Ownership travels in generation bits instead of
// head and tail registers: a descriptor is the device's when its bit equals the ring's
// current generation, which flips at every wrap, and a completion is new when its bit equals
// the completion ring's. Ring 1 (bodies of frames larger than a buffer) gets a few
// descriptors the device never owns: with 2 KiB buffers and a 1500-byte MTU it is not used.
// Every completion is checked before anyone sees the frame: an index outside the ring or
// not in flight, the other ring, a frame in pieces, an error mark, or a length below an
// Ethernet header or above the largest frame is dropped and counted.
public sealed class RxQueue
{
    public const int BufferBytes = 2048;
    public const int SpareSize = 32;
    private const int DescriptorBytes = 16;
    private const uint Generation = 1u << 31;
    private const int EthernetHeaderLength = 14;

    private readonly NetBuffer?[] _buffers;
    private readonly NetBufferPool _pool;
    private readonly NetDeviceStatistics _statistics;
    private readonly int _maximumFrame;
    private int _fill;
    private bool _fillGeneration = true;
    private int _next;
    private bool _completionGeneration = true;
    private bool _discarding;
    private int _posted;

    public RxQueue(DmaBlock ring, DmaBlock spareRing, DmaBlock completions, NetBufferPool pool, NetDeviceStatistics statistics, int maximumFrame)
    {
        Ring = ring;
        SpareRing = spareRing;
        Completions = completions;
        Size = ring.Length / DescriptorBytes;
        CompletionSize = completions.Length / DescriptorBytes;
        _buffers = new NetBuffer?[Size];
        _pool = pool;
        _statistics = statistics;
        _maximumFrame = maximumFrame;
    }

    public DmaBlock Ring { get; }

    public DmaBlock SpareRing { get; }

    public DmaBlock Completions { get; }

    public int Size { get; }

    public int CompletionSize { get; }

    public int SpareSizeInDescriptors => SpareRing.Length / DescriptorBytes;

    // The next descriptor to fill: what the receive producer register is told.
    public int Fill => _fill;

    // Descriptors holding no buffer.
    public int Free => Size - _posted;

    public bool HasCompleted => (Completions.Read32(_next * DescriptorBytes + 12) & Generation) != 0 == _completionGeneration;

    // Posts pool buffers in ring order until the next slot is still the device's or the pool
    // is empty; true if any was posted.
    public bool Refill()
    {
        bool posted = false;
        while (_buffers[_fill] is null)
        {
            NetBuffer? buffer = _pool.Rent();
            if (buffer is null)
                break;
            int at = _fill * DescriptorBytes;
            Ring.Write64(at, DmaBlock.AddressOf(buffer.Data, 0));
            Ring.Write32(at + 12, 0);
            // Length and buffer type (head) with the generation bit last: once it flips the
            // descriptor is the device's.
            Ring.Write32(at + 8, (uint)BufferBytes | (_fillGeneration ? Generation : 0));
            _buffers[_fill] = buffer;
            _posted++;
            if (++_fill == Size)
            {
                _fill = 0;
                _fillGeneration = !_fillGeneration;
            }
            posted = true;
        }
        return posted;
    }

    // The next good frame the device completed (the caller releases it), or null.
    public NetBuffer? Take()
    {
        while (HasCompleted)
        {
            int at = _next * DescriptorBytes;
            uint first = Completions.Read32(at);
            uint third = Completions.Read32(at + 8);
            if (++_next == CompletionSize)
            {
                _next = 0;
                _completionGeneration = !_completionGeneration;
            }
            int index = (int)(first & 0xFFF);
            int ring = (int)(first >> 16 & 0x3FF);
            bool endOfPacket = (first & 1u << 14) != 0;
            bool startOfPacket = (first & 1u << 15) != 0;
            int length = (int)(third & 0x3FFF);
            bool error = (third & 1u << 14) != 0;
            NetBuffer? buffer = ring == 0 && index < Size ? _buffers[index] : null;
            // The completion's type field is not checked: QEMU leaves it 0 on receive.
            if (buffer is null)
            {
                _statistics.ReceiveErrors++;
                continue;
            }
            _buffers[index] = null;
            _posted--;
            if (_discarding || !startOfPacket || !endOfPacket)
            {
                // A frame in pieces: counted once, every piece up to its end dropped.
                if (!_discarding)
                    _statistics.ReceiveErrors++;
                _discarding = !endOfPacket;
                buffer.Release();
                continue;
            }
            if (error || length < EthernetHeaderLength || length > _maximumFrame || length > buffer.Capacity)
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
}
