using Uk.NetDev;

namespace Uk.Drivers.Vmxnet3;

// The transmit queue: a ring of 16-byte descriptors (one per frame: end of packet, and a
// completion asked for each) and the completion ring the device writes, both owned by
// generation bits as in RxQueue. One descriptor stays unused so a full ring is never
// mistaken for an empty one by either side.
public sealed class TxQueue
{
    private const int DescriptorBytes = 16;
    private const uint Generation = 1u << 14;
    private const uint CompletionGeneration = 1u << 31;
    private const uint EndOfPacket = 1u << 12;
    private const uint CompletionRequest = 1u << 13;

    private readonly NetBuffer?[] _buffers;
    private int _fill;
    private bool _fillGeneration = true;
    private int _next;
    private bool _completionGeneration = true;

    public TxQueue(DmaBlock ring, DmaBlock completions)
    {
        Ring = ring;
        Completions = completions;
        Size = ring.Length / DescriptorBytes;
        _buffers = new NetBuffer?[Size];
    }

    public DmaBlock Ring { get; }

    public DmaBlock Completions { get; }

    public int Size { get; }

    public int InFlight { get; private set; }

    // What the transmit producer register is told.
    public int Fill => _fill;

    public bool IsFull => InFlight == Size - 1;

    // Ids the device completed that were not in flight.
    public ulong RejectedCompletions { get; private set; }

    public bool Post(NetBuffer frame)
    {
        if (IsFull || _buffers[_fill] is not null)
            return false;
        int at = _fill * DescriptorBytes;
        Ring.Write64(at, DmaBlock.AddressOf(frame.Data, frame.Offset));
        Ring.Write32(at + 12, EndOfPacket | CompletionRequest);
        Ring.Write32(at + 8, (uint)frame.Length | (_fillGeneration ? Generation : 0));
        _buffers[_fill] = frame;
        if (++_fill == Size)
        {
            _fill = 0;
            _fillGeneration = !_fillGeneration;
        }
        InFlight++;
        return true;
    }

    // Returns the buffers of completed frames to their pools; how many.
    public int Reclaim()
    {
        int reclaimed = 0;
        while ((Completions.Read32(_next * DescriptorBytes + 12) & CompletionGeneration) != 0 == _completionGeneration)
        {
            int index = (int)(Completions.Read32(_next * DescriptorBytes) & 0xFFF);
            if (++_next == Size)
            {
                _next = 0;
                _completionGeneration = !_completionGeneration;
            }
            NetBuffer? sent = index < Size ? _buffers[index] : null;
            if (sent is null)
            {
                RejectedCompletions++;
                continue;
            }
            _buffers[index] = null;
            sent.Release();
            InFlight--;
            reclaimed++;
        }
        return reclaimed;
    }
}
