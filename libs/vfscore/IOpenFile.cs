using System;

namespace Uk.Vfs;

// An open file of one file system. Positions are the caller's (the VFS keeps the offset).
public interface IOpenFile
{
    long Length { get; }

    FsError Read(long offset, Span<byte> buffer, out int count);

    FsError Write(long offset, ReadOnlySpan<byte> data);

    FsError SetLength(long length);

    // Returns once the file's data and size are on the device (fsync).
    FsError Flush();

    FsError Close();
}
