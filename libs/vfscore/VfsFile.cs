using System;

namespace Uk.Vfs;

// An open file as the application holds it: the file system's file plus a position.
// Not shared between threads without a lock of the caller's.
public sealed class VfsFile
{
    private IOpenFile? _file;
    private readonly OpenMode _mode;

    internal VfsFile(IOpenFile file, OpenMode mode, string path)
    {
        _file = file;
        _mode = mode;
        Path = path;
    }

    public string Path { get; }

    public long Position { get; private set; }

    public bool IsOpen => _file is not null;

    public bool CanRead => (_mode & OpenMode.Read) != 0;

    public bool CanWrite => (_mode & OpenMode.Write) != 0;

    public long Length => _file?.Length ?? 0;

    public FsError Read(Span<byte> buffer, out int count)
    {
        count = 0;
        if (_file is null)
            return FsError.Closed;
        if (!CanRead)
            return FsError.InvalidArgument;
        FsError error = _file.Read(Position, buffer, out count);
        Position += count;
        return error;
    }

    public FsError Write(ReadOnlySpan<byte> data)
    {
        if (_file is null)
            return FsError.Closed;
        if (!CanWrite)
            return FsError.ReadOnly;
        if ((_mode & OpenMode.Append) != 0)
            Position = _file.Length;
        FsError error = _file.Write(Position, data);
        if (error == FsError.None)
            Position += data.Length;
        return error;
    }

    // origin: 0 from the start, 1 from the current position, 2 from the end (SeekOrigin's values).
    public FsError Seek(long offset, int origin, out long position)
    {
        position = Position;
        if (_file is null)
            return FsError.Closed;
        long target = origin switch
        {
            0 => offset,
            1 => Position + offset,
            2 => _file.Length + offset,
            _ => -1,
        };
        if (target < 0 || origin < 0 || origin > 2)
            return FsError.InvalidArgument;
        Position = target;
        position = target;
        return FsError.None;
    }

    public FsError SetLength(long length)
    {
        if (_file is null)
            return FsError.Closed;
        if (!CanWrite)
            return FsError.ReadOnly;
        if (length < 0)
            return FsError.InvalidArgument;
        return _file.SetLength(length);
    }

    public FsError Flush() => _file is null ? FsError.Closed : _file.Flush();

    public FsError Close()
    {
        if (_file is null)
            return FsError.None;
        FsError error = _file.Close();
        _file = null;
        return error;
    }
}
