using System;
using Uk.Vfs;

namespace Uk.RamFs;

internal sealed class RamOpenFile : IOpenFile
{
    // Files are byte arrays: at most 1 GiB each.
    private const long MaxLength = 1L << 30;
    private RamNode? _node;

    public RamOpenFile(RamNode node) => _node = node;

    public long Length => _node?.Length ?? 0;

    public FsError Read(long offset, Span<byte> buffer, out int count)
    {
        count = 0;
        if (_node is null)
            return FsError.Closed;
        if (offset < 0)
            return FsError.InvalidArgument;
        if (offset >= _node.Length)
            return FsError.None;
        long available = _node.Length - offset;
        count = buffer.Length < available ? buffer.Length : (int)available;
        new ReadOnlySpan<byte>(_node.Data, (int)offset, count).CopyTo(buffer);
        return FsError.None;
    }

    public FsError Write(long offset, ReadOnlySpan<byte> data)
    {
        if (_node is null)
            return FsError.Closed;
        if (offset < 0)
            return FsError.InvalidArgument;
        long end = offset + data.Length;
        if (end > MaxLength)
            return FsError.FileTooLarge;
        _node.EnsureCapacity(end);
        // A write past the end leaves zeros in the gap: the array was zeroed when it grew,
        // but bytes cut off by an earlier SetLength may still be there.
        if (offset > _node.Length)
            new Span<byte>(_node.Data, (int)_node.Length, (int)(offset - _node.Length)).Clear();
        data.CopyTo(new Span<byte>(_node.Data, (int)offset, data.Length));
        if (end > _node.Length)
            _node.Length = end;
        return FsError.None;
    }

    public FsError SetLength(long length)
    {
        if (_node is null)
            return FsError.Closed;
        if (length < 0)
            return FsError.InvalidArgument;
        if (length > MaxLength)
            return FsError.FileTooLarge;
        _node.EnsureCapacity(length);
        if (length > _node.Length)
            new Span<byte>(_node.Data, (int)_node.Length, (int)(length - _node.Length)).Clear();
        _node.Length = length;
        return FsError.None;
    }

    public FsError Flush() => _node is null ? FsError.Closed : FsError.None;

    public FsError Close()
    {
        _node = null;
        return FsError.None;
    }
}
