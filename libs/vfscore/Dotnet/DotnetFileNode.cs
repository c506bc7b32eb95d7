using System;
using Internal.Runtime;
using Uk.Dotnet.SystemNative;

namespace Uk.Vfs.Dotnet;

// An open file behind a .NET descriptor: reads and writes at the offsets the dotnet library
// gives (it keeps the descriptor's position).
internal sealed class DotnetFileNode : IFileNode
{
    private readonly VfsFile _file;
    private readonly long _identity;
    private readonly string _fileSystem;
    private readonly string _name;

    internal DotnetFileNode(VfsFile file, long identity, string fileSystem)
    {
        _file = file;
        _identity = identity;
        _fileSystem = fileSystem;
        _name = file.Path.Substring(file.Path.LastIndexOf('/') + 1);
    }

    public int GetStatus(out FileFacts facts)
    {
        facts = new FileFacts(_name, false, _file.Length, 1, _identity, _fileSystem);
        return _file.IsOpen ? 0 : Errors.EBADF;
    }

    public int Read(long offset, Span<byte> buffer, out int count)
    {
        count = 0;
        FsError error = _file.Seek(offset, 0, out _);
        if (error == FsError.None)
            error = _file.Read(buffer, out count);
        return PosixErrors.From(error);
    }

    public int Write(long offset, ReadOnlySpan<byte> data)
    {
        FsError error = _file.Seek(offset, 0, out _);
        if (error == FsError.None)
            error = _file.Write(data);
        return PosixErrors.From(error);
    }

    public int SetLength(long length) => PosixErrors.From(_file.SetLength(length));

    public int Flush() => PosixErrors.From(_file.Flush());

    public int Close() => PosixErrors.From(_file.Close());
}

// A directory opened read-only: fstat answers, reads fail with EISDIR as on Linux.
internal sealed class DotnetDirectoryNode : IFileNode
{
    private readonly FileFacts _facts;

    internal DotnetDirectoryNode(FileFacts facts) => _facts = facts;

    public int GetStatus(out FileFacts facts)
    {
        facts = _facts;
        return 0;
    }

    public int Read(long offset, Span<byte> buffer, out int count)
    {
        count = 0;
        return Errors.EISDIR;
    }

    public int Write(long offset, ReadOnlySpan<byte> data) => Errors.EBADF;

    public int SetLength(long length) => Errors.EINVAL;

    public int Flush() => 0;

    public int Close() => 0;
}
