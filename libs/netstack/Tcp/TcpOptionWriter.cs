using System;

namespace Uk.Net.Tcp;

// Lays out one outgoing segment's options after its fixed header, each aligned as Linux and
// RFC 7323 appendix A do (NOPs in front, so the 32-bit fields sit on 32-bit boundaries and
// the list ends on one). At most 40 bytes: the caller keeps the sum within that.
public ref struct TcpOptionWriter
{
    // The most option bytes a header can carry (data offset 15 words).
    public const int MaxLength = 40;

    public const int MaxSegmentSizeLength = 4;
    public const int WindowScaleLength = 4;
    public const int SackPermittedLength = 4;
    public const int TimestampsLength = 12;

    private readonly Span<byte> _options;
    private int _length;

    // segment: where the header starts; options go from TcpSegment.HeaderLength on.
    public TcpOptionWriter(Span<byte> segment)
    {
        _options = segment.Slice(TcpSegment.HeaderLength);
        _length = 0;
    }

    public int Length => _length;

    public static int SackLength(int blocks) => blocks == 0 ? 0 : 4 + 8 * blocks;

    public void MaxSegmentSize(ushort mss)
    {
        _options[_length] = TcpOptionKind.MaxSegmentSize;
        _options[_length + 1] = 4;
        NetworkOrder.WriteUInt16(_options.Slice(_length + 2), mss);
        _length += 4;
    }

    public void WindowScale(int shift)
    {
        _options[_length] = TcpOptionKind.NoOperation;
        _options[_length + 1] = TcpOptionKind.WindowScale;
        _options[_length + 2] = 3;
        _options[_length + 3] = (byte)shift;
        _length += 4;
    }

    public void SackPermitted()
    {
        _options[_length] = TcpOptionKind.NoOperation;
        _options[_length + 1] = TcpOptionKind.NoOperation;
        _options[_length + 2] = TcpOptionKind.SackPermitted;
        _options[_length + 3] = 2;
        _length += 4;
    }

    public void Timestamps(uint value, uint echo)
    {
        _options[_length] = TcpOptionKind.NoOperation;
        _options[_length + 1] = TcpOptionKind.NoOperation;
        _options[_length + 2] = TcpOptionKind.Timestamps;
        _options[_length + 3] = 10;
        NetworkOrder.WriteUInt32(_options.Slice(_length + 4), value);
        NetworkOrder.WriteUInt32(_options.Slice(_length + 8), echo);
        _length += TimestampsLength;
    }

    // Starts a SACK option of blocks blocks; the caller then adds each with SackBlock.
    public void SackHeader(int blocks)
    {
        _options[_length] = TcpOptionKind.NoOperation;
        _options[_length + 1] = TcpOptionKind.NoOperation;
        _options[_length + 2] = TcpOptionKind.Sack;
        _options[_length + 3] = (byte)(2 + 8 * blocks);
        _length += 4;
    }

    public void SackBlock(uint left, uint right)
    {
        NetworkOrder.WriteUInt32(_options.Slice(_length), left);
        NetworkOrder.WriteUInt32(_options.Slice(_length + 4), right);
        _length += 8;
    }
}
