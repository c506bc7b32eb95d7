using Uk.Drivers.VirtioNet;
using Uk.NetDev;

namespace Unikraft.Virtio.Tests;

// Receive buffers to frames: one buffer handed on as it is, several merged into one.
public sealed class NetReceiveAssemblerTests
{
    private const int Header = 12;
    private readonly NetBufferPool _rxPool = new(8, 256, 0);
    private readonly NetBufferPool _mergePool = new(2, 1518, 0);
    private readonly NetDeviceStatistics _statistics = new();

    private ReceiveAssembler Mergeable() => new(_mergePool, Header, _statistics);

    // A buffer as the device leaves it: header (num_buffers given) then payload bytes.
    private NetBuffer Piece(int bufferCount, byte flags, int payload, byte seed, bool withHeader = true)
    {
        NetBuffer piece = _rxPool.Rent()!;
        int at = 0;
        if (withHeader)
        {
            piece.Data.AsSpan(0, Header).Clear();
            piece.Data[0] = flags;
            piece.Data[10] = (byte)bufferCount;
            piece.Data[11] = (byte)(bufferCount >> 8);
            at = Header;
        }
        for (int i = 0; i < payload; i++)
            piece.Data[at + i] = (byte)(seed + i);
        return piece;
    }

    [Fact]
    public void AOneBufferFrameIsHandedOnWithoutACopy()
    {
        var assembler = Mergeable();
        NetBuffer piece = Piece(1, VirtioNetHeader.FlagDataValid, 60, 5);

        Assert.Equal(AssemblyStep.Frame, assembler.Add(piece, Header + 60, out NetBuffer? frame));

        Assert.Same(piece, frame);
        Assert.Equal(Header, frame!.Offset);
        Assert.Equal(60, frame.Length);
        Assert.Equal(5, frame.Span[0]);
        Assert.True(assembler.Header.DataValid);
        Assert.Equal(0UL, assembler.Merged);
    }

    [Fact]
    public void ThreeBuffersAreMergedInOrderAndGivenBack()
    {
        var assembler = Mergeable();
        int available = _rxPool.Available;

        Assert.Equal(AssemblyStep.NeedMore, assembler.Add(Piece(3, 0, 244, 0), 256, out _));
        Assert.Equal(2, assembler.Remaining);
        Assert.Equal(AssemblyStep.NeedMore, assembler.Add(Piece(0, 0, 256, 244, withHeader: false), 256, out _));
        Assert.Equal(AssemblyStep.Frame, assembler.Add(Piece(0, 0, 100, 244, withHeader: false), 100, out NetBuffer? frame));

        Assert.NotNull(frame);
        Assert.Same(_mergePool, frame!.Pool);
        Assert.Equal(244 + 256 + 100, frame.Length);
        byte[] expected = new byte[600];
        for (int i = 0; i < 244; i++)
            expected[i] = (byte)i;
        for (int i = 0; i < 256; i++)
            expected[244 + i] = (byte)(244 + i);
        for (int i = 0; i < 100; i++)
            expected[500 + i] = (byte)(244 + i);
        Assert.Equal(expected, frame.Span.ToArray());
        Assert.Equal(available, _rxPool.Available);
        Assert.Equal(1UL, assembler.Merged);
        frame.Release();
        Assert.Equal(2, _mergePool.Available);
    }

    [Fact]
    public void WithoutAMergeBufferTheFrameIsDroppedWholeAndTheNextOneArrives()
    {
        var assembler = Mergeable();
        NetBuffer held1 = _mergePool.Rent()!, held2 = _mergePool.Rent()!;

        Assert.Equal(AssemblyStep.NeedMore, assembler.Add(Piece(2, 0, 200, 0), Header + 200, out _));
        Assert.Equal(AssemblyStep.Dropped, assembler.Add(Piece(0, 0, 100, 0, withHeader: false), 100, out NetBuffer? dropped));
        Assert.Null(dropped);
        Assert.Equal(1UL, _statistics.ReceiveDropped);
        Assert.Equal(AssemblyStep.Frame, assembler.Add(Piece(1, 0, 64, 9), Header + 64, out NetBuffer? next));
        Assert.Equal(9, next!.Span[0]);
        Assert.Equal(8 - 1, _rxPool.Available);
        held1.Release();
        held2.Release();
    }

    [Fact]
    public void AFrameLargerThanTheMergeBufferIsDroppedAndCounted()
    {
        var assembler = Mergeable();

        var steps = new List<AssemblyStep> { assembler.Add(Piece(8, 0, 244, 0), 256, out _) };
        for (int i = 1; i < 8; i++)
            steps.Add(assembler.Add(Piece(0, 0, 256, 0, withHeader: false), 256, out _));

        Assert.Equal(AssemblyStep.Dropped, steps[^1]);
        Assert.All(steps.Take(7), s => Assert.Equal(AssemblyStep.NeedMore, s));
        Assert.Equal(1UL, _statistics.ReceiveErrors);
        Assert.Equal(2, _mergePool.Available);
        Assert.Equal(8, _rxPool.Available);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 13)]
    [InlineData(1, -12)]
    public void ABufferWithoutAUsableFrameIsDroppedAndCounted(int bufferCount, int payload)
    {
        var assembler = Mergeable();

        Assert.Equal(AssemblyStep.Dropped, assembler.Add(Piece(bufferCount, 0, Math.Max(0, payload), 0), Header + payload, out NetBuffer? frame));

        Assert.Null(frame);
        Assert.Equal(1UL, _statistics.ReceiveErrors);
        Assert.Equal(8, _rxPool.Available);
    }

    // A modern device without MRG_RXBUF leaves num_buffers at 0: the count means nothing then.
    [Fact]
    public void WithoutMergeableBuffersTheBufferCountIsIgnored()
    {
        var assembler = new ReceiveAssembler(null, Header, _statistics);

        Assert.Equal(AssemblyStep.Frame, assembler.Add(Piece(0, 0, 60, 1), Header + 60, out NetBuffer? zero));
        Assert.Equal(AssemblyStep.Frame, assembler.Add(Piece(5, 0, 60, 2), Header + 60, out NetBuffer? five));

        Assert.Equal(1, zero!.Span[0]);
        Assert.Equal(2, five!.Span[0]);
        Assert.Equal(0UL, _statistics.ReceiveErrors);
    }

    [Fact]
    public void AbandoningAHalfMergedFrameGivesItsBufferBack()
    {
        var assembler = Mergeable();
        assembler.Add(Piece(3, 0, 200, 0), Header + 200, out _);
        Assert.Equal(1, _mergePool.Available);

        assembler.Abandon();

        Assert.Equal(2, _mergePool.Available);
        Assert.Equal(0, assembler.Remaining);
        Assert.Equal(1UL, _statistics.ReceiveErrors);
        Assert.Equal(AssemblyStep.Frame, assembler.Add(Piece(1, 0, 60, 3), Header + 60, out _));
    }
}
