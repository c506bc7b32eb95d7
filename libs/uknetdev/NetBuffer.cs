using System;

namespace Uk.NetDev;

// One packet in a buffer owned by a pool: the frame is Data[Offset .. Offset+Length], with
// Offset bytes of headroom in front so headers can be prepended without copying. The pool
// allocates every buffer once; Release hands it back for reuse.
public sealed class NetBuffer
{
    public NetBuffer(NetBufferPool? pool, int capacity, int headroom)
    {
        Pool = pool;
        Data = new byte[capacity];
        Headroom = headroom;
        Offset = headroom;
    }

    public NetBufferPool? Pool { get; }

    public byte[] Data { get; }

    public int Headroom { get; }

    public int Offset { get; set; }

    public int Length { get; set; }

    public int Capacity => Data.Length;

    public Span<byte> Span => new Span<byte>(Data, Offset, Length);

    // Transmit: when >= 0, the device computes a checksum over the bytes from ChecksumStart
    // (relative to the frame) to the end and stores it at ChecksumStart + ChecksumOffset.
    public int ChecksumStart { get; set; } = -1;

    public int ChecksumOffset { get; set; }

    // Receive: the device verified the transport checksum.
    public bool ChecksumVerified { get; set; }

    // Back to an empty frame with the full headroom, ready for the next user.
    public void Reset()
    {
        Offset = Headroom;
        Length = 0;
        ChecksumStart = -1;
        ChecksumOffset = 0;
        ChecksumVerified = false;
    }

    public void Release()
    {
        Reset();
        Pool?.Return(this);
    }
}
