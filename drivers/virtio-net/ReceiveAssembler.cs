using System;
using Uk.NetDev;

namespace Uk.Drivers.VirtioNet;

public enum AssemblyStep
{
    // A whole frame is ready.
    Frame,
    // The piece was taken; the frame's next buffers are still to come.
    NeedMore,
    // The piece ended a frame that is dropped (and counted).
    Dropped,
}

// Turns the receive buffers the device fills into whole frames. A frame normally fits one
// buffer and is handed on as it is, header skipped, without a copy. With mergeable receive
// buffers the device may spread a frame over num_buffers buffers (the header, in the first,
// says how many): those pieces are copied into one buffer of a pool sized for the largest
// frame and given back at once. A frame that is too short, too long, announces no buffers,
// or finds the merge pool empty is dropped and counted, consuming all its pieces.
public sealed class ReceiveAssembler
{
    public const int EthernetHeaderLength = 14;

    private readonly NetBufferPool? _mergePool;
    private readonly int _headerLength;
    private readonly NetDeviceStatistics _statistics;
    private NetBuffer? _target;
    private int _remaining;
    private bool _discarding;
    private bool _discardingForLackOfBuffer;

    // mergePool is null when mergeable buffers were not negotiated (every frame is one buffer).
    public ReceiveAssembler(NetBufferPool? mergePool, int headerLength, NetDeviceStatistics statistics)
    {
        _mergePool = mergePool;
        _headerLength = headerLength;
        _statistics = statistics;
    }

    // Frames that arrived in more than one buffer and were merged.
    public ulong Merged { get; private set; }

    // Pieces of the current frame still to come (0: the next buffer starts a frame).
    public int Remaining => _remaining;

    // The header of the frame Frame was last returned for (its checksum flags).
    public VirtioNetHeader Header { get; private set; }

    // Takes one used receive buffer holding length bytes written by the device. The piece is
    // either handed on in frame (Frame) or released here.
    public AssemblyStep Add(NetBuffer piece, int length, out NetBuffer? frame)
    {
        frame = null;
        if (_remaining > 0)
            return Continue(piece, length, out frame);

        bool readable = VirtioNetHeader.TryRead(new ReadOnlySpan<byte>(piece.Data, 0, Math.Min(length, piece.Data.Length)), _headerLength, out VirtioNetHeader header);
        // Without mergeable buffers num_buffers means nothing (a modern device leaves it 0).
        if (_mergePool is null)
            header.BufferCount = 1;
        if (!readable || header.BufferCount == 0)
        {
            piece.Release();
            _statistics.ReceiveErrors++;
            return AssemblyStep.Dropped;
        }
        int payload = length - _headerLength;
        if (header.BufferCount == 1)
        {
            if (payload < EthernetHeaderLength)
            {
                piece.Release();
                _statistics.ReceiveErrors++;
                return AssemblyStep.Dropped;
            }
            piece.Offset = _headerLength;
            piece.Length = payload;
            Header = header;
            frame = piece;
            return AssemblyStep.Frame;
        }

        _remaining = header.BufferCount - 1;
        Header = header;
        _discarding = false;
        _target = _mergePool!.Rent();
        if (_target is null)
        {
            _discarding = true;
            _discardingForLackOfBuffer = true;
        }
        else
        {
            _target.Offset = 0;
            _target.Length = 0;
            Append(piece, _headerLength, payload);
        }
        piece.Release();
        return AssemblyStep.NeedMore;
    }

    // Gives up on a frame half assembled (the device returned a broken piece).
    public void Abandon()
    {
        if (_remaining == 0)
            return;
        _target?.Release();
        _target = null;
        _remaining = 0;
        _statistics.ReceiveErrors++;
    }

    private AssemblyStep Continue(NetBuffer piece, int length, out NetBuffer? frame)
    {
        frame = null;
        if (!_discarding)
            Append(piece, 0, length);
        piece.Release();
        _remaining--;
        if (_remaining > 0)
            return AssemblyStep.NeedMore;
        if (_discarding)
        {
            if (_discardingForLackOfBuffer)
                _statistics.ReceiveDropped++;
            else
                _statistics.ReceiveErrors++;
            _discarding = false;
            _discardingForLackOfBuffer = false;
            return AssemblyStep.Dropped;
        }
        NetBuffer target = _target!;
        _target = null;
        if (target.Length < EthernetHeaderLength)
        {
            target.Release();
            _statistics.ReceiveErrors++;
            return AssemblyStep.Dropped;
        }
        frame = target;
        Merged++;
        return AssemblyStep.Frame;
    }

    // Copies a piece's bytes behind what the target holds; a frame that outgrows the target
    // turns the rest of the frame into discarding.
    private void Append(NetBuffer piece, int start, int count)
    {
        NetBuffer target = _target!;
        if (count < 0 || start + count > piece.Data.Length || target.Length + count > target.Data.Length)
        {
            target.Release();
            _target = null;
            _discarding = true;
            return;
        }
        Array.Copy(piece.Data, start, target.Data, target.Length, count);
        target.Length += count;
    }
}
