using Uk.Dotnet.SystemNative;

namespace Uk.Vfs.Dotnet;

// FsError → the errno Linux gives for the same failure, as a PAL error number: .NET picks
// its exception from it (FileNotFoundException for ENOENT, IOException for EEXIST, ...).
internal static class PosixErrors
{
    internal static int From(FsError error) => error switch
    {
        FsError.None => 0,
        FsError.NotFound => Errors.ENOENT,
        FsError.NotMounted => Errors.ENOENT,
        FsError.InvalidPath => Errors.ENOENT,
        FsError.AlreadyExists => Errors.EEXIST,
        FsError.NotADirectory => Errors.ENOTDIR,
        FsError.IsADirectory => Errors.EISDIR,
        FsError.DirectoryNotEmpty => Errors.ENOTEMPTY,
        FsError.NameTooLong => Errors.ENAMETOOLONG,
        FsError.PathTooLong => Errors.ENAMETOOLONG,
        // What Linux's vfat says of a name it cannot store.
        FsError.InvalidName => Errors.EINVAL,
        FsError.InvalidArgument => Errors.EINVAL,
        FsError.NoSpace => Errors.ENOSPC,
        FsError.ReadOnly => Errors.EROFS,
        FsError.FileTooLarge => Errors.EFBIG,
        FsError.Closed => Errors.EBADF,
        FsError.CrossDevice => Errors.EXDEV,
        FsError.Busy => Errors.EBUSY,
        FsError.AlreadyMounted => Errors.EBUSY,
        FsError.NotSupported => Errors.ENOTSUP,
        _ => Errors.EIO, // IoError, Corrupt, UnknownFileSystem
    };
}
