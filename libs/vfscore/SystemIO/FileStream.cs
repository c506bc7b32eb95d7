using Uk.Vfs;

namespace System.IO;

// System.IO.FileStream over a VFS file, without buffering: each Write goes to the file
// system at once; Flush() (or Flush(true), Dispose) makes it durable on the device.
public sealed class FileStream : IDisposable
{
    private readonly VfsFile _file;

    public FileStream(string path, FileMode mode) : this(path, mode, mode == FileMode.Append ? FileAccess.Write : FileAccess.ReadWrite)
    {
    }

    public FileStream(string path, FileMode mode, FileAccess access)
    {
        OpenMode open = (access & FileAccess.Read) != 0 ? OpenMode.Read : 0;
        if ((access & FileAccess.Write) != 0)
            open |= OpenMode.Write;
        open |= mode switch
        {
            FileMode.CreateNew => OpenMode.Create | OpenMode.Exclusive,
            FileMode.Create => OpenMode.Create | OpenMode.Truncate,
            FileMode.OpenOrCreate => OpenMode.Create,
            FileMode.Truncate => OpenMode.Truncate,
            FileMode.Append => OpenMode.Create | OpenMode.Append,
            _ => 0,
        };
        IoErrors.ThrowIfFailed(Vfs.Current.Open(path, open, out VfsFile? file), path);
        _file = file!;
        Name = path;
        if (mode == FileMode.Append)
            _file.Seek(0, (int)SeekOrigin.End, out _);
    }

    public string Name { get; }

    public bool CanRead => _file.IsOpen && _file.CanRead;

    public bool CanWrite => _file.IsOpen && _file.CanWrite;

    public bool CanSeek => _file.IsOpen;

    public long Length => _file.Length;

    public long Position
    {
        get => _file.Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public int Read(byte[] buffer, int offset, int count) => Read(new Span<byte>(buffer, offset, count));

    public int Read(Span<byte> buffer)
    {
        IoErrors.ThrowIfFailed(_file.Read(buffer, out int read), Name);
        return read;
    }

    // -1 at the end of the file.
    public int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public void Write(byte[] buffer, int offset, int count) => Write(new ReadOnlySpan<byte>(buffer, offset, count));

    public void Write(ReadOnlySpan<byte> buffer) => IoErrors.ThrowIfFailed(_file.Write(buffer), Name);

    public void WriteByte(byte value) => Write(new ReadOnlySpan<byte>(in value));

    public long Seek(long offset, SeekOrigin origin)
    {
        IoErrors.ThrowIfFailed(_file.Seek(offset, (int)origin, out long position), Name);
        return position;
    }

    public void SetLength(long value) => IoErrors.ThrowIfFailed(_file.SetLength(value), Name);

    // There is no buffer in between: every flush reaches the device.
    public void Flush() => IoErrors.ThrowIfFailed(_file.Flush(), Name);

    public void Flush(bool flushToDisk) => Flush();

    public void Close() => Dispose();

    public void Dispose() => IoErrors.ThrowIfFailed(_file.Close(), Name);
}
