namespace Uk.Vfs;

public static class FsErrors
{
    public static string Describe(FsError error) => error switch
    {
        FsError.None => "success",
        FsError.NotFound => "no such file or directory",
        FsError.AlreadyExists => "file exists",
        FsError.NotADirectory => "not a directory",
        FsError.IsADirectory => "is a directory",
        FsError.DirectoryNotEmpty => "directory not empty",
        FsError.InvalidPath => "invalid path",
        FsError.NameTooLong => "file name too long (more than 255 characters)",
        FsError.PathTooLong => "path too long (more than 1024 characters)",
        FsError.InvalidName => "invalid character in file name",
        FsError.NoSpace => "no space left on device",
        FsError.ReadOnly => "read-only file system or file",
        FsError.IoError => "input/output error",
        FsError.Corrupt => "file system structure is corrupt",
        FsError.Closed => "file is closed",
        FsError.InvalidArgument => "invalid argument",
        FsError.NotMounted => "no file system mounted there",
        FsError.AlreadyMounted => "a file system is already mounted there",
        FsError.CrossDevice => "rename across file systems",
        FsError.Busy => "file system is busy (files open)",
        FsError.NotSupported => "operation not supported by this file system",
        FsError.UnknownFileSystem => "unknown file system type",
        FsError.FileTooLarge => "file too large for this file system",
        _ => "unknown error",
    };
}
