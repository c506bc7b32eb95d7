using Uk.NetDev;

namespace Uk.Drivers.E1000;

// The transmit descriptors and the frames in flight. Every descriptor asks for a status
// write-back (RS), so a frame's buffer goes back to its pool as soon as the device marks its
// descriptor done; one descriptor always stays empty (head == tail means "nothing to send").
public sealed class TransmitRing
{
    public const byte StatusDone = 1 << 0;
    // End of packet, insert FCS, report status.
    public const byte CommandSend = 1 << 0 | 1 << 1 | 1 << 3;

    private readonly DescriptorRing _descriptors;
    private readonly NetBuffer?[] _buffers;
    private int _next;
    private int _tail;
    private int _inFlight;

    public TransmitRing(DescriptorRing descriptors)
    {
        _descriptors = descriptors;
        _buffers = new NetBuffer?[descriptors.Count];
    }

    public DescriptorRing Descriptors => _descriptors;

    // What the driver writes to TDT after posting.
    public int Tail => _tail;

    public int InFlight => _inFlight;

    public bool IsFull => _inFlight == _descriptors.Count - 1;

    public bool HasCompleted => _inFlight > 0 && (_descriptors.ReadStatus(_next) & StatusDone) != 0;

    // Queues one frame (already checked by the caller); false when the ring is full.
    public bool Post(NetBuffer frame)
    {
        if (IsFull)
            return false;
        _descriptors.PostTransmit(_tail, frame.Data, frame.Offset, frame.Length, CommandSend);
        _buffers[_tail] = frame;
        _tail = Advance(_tail);
        _inFlight++;
        return true;
    }

    // Returns the buffers of frames the device has sent to their pools; how many.
    public int Reclaim()
    {
        int reclaimed = 0;
        while (_inFlight > 0 && (_descriptors.ReadStatus(_next) & StatusDone) != 0)
        {
            NetBuffer? sent = _buffers[_next];
            _buffers[_next] = null;
            sent?.Release();
            _next = Advance(_next);
            _inFlight--;
            reclaimed++;
        }
        return reclaimed;
    }

    private int Advance(int index) => index + 1 == _descriptors.Count ? 0 : index + 1;
}
