namespace Uk.Vfs;

// What a file-system call reports instead of throwing: file systems read disks they do not
// trust, and a bad disk must never take the kernel down (see FsErrors.Describe for the text).
public enum FsError
{
    None,
    NotFound,
    AlreadyExists,
    NotADirectory,
    IsADirectory,
    DirectoryNotEmpty,
    InvalidPath,
    NameTooLong,
    PathTooLong,
    InvalidName,
    NoSpace,
    ReadOnly,
    IoError,
    Corrupt,
    Closed,
    InvalidArgument,
    NotMounted,
    AlreadyMounted,
    CrossDevice,
    Busy,
    NotSupported,
    UnknownFileSystem,
    FileTooLarge,
}
