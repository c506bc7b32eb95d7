namespace Internal.Runtime;

// The image's file tree as System.Native's file functions need it: vfscore installs its VFS
// here in the dotnet flavour. Without it (no vfscore in unikernel.yaml) nothing is installed
// and every file call fails with ENOSYS, which .NET reports as an IOException saying which
// libraries to add. Paths are absolute and already in the tree's syntax; every member
// returns 0 or a PAL error number (Interop.Error, Uk.Dotnet.SystemNative.Errors) with POSIX's
// meaning, so .NET picks the exception it picks on Linux.
internal static class FileTreeSeam
{
    internal static IFileTree? Installed { get; private set; }

    internal static void Install(IFileTree tree) => Installed = tree;
}

internal interface IFileTree
{
    // open(2) without the descriptor: access is PAL_O_RDONLY/WRONLY/RDWR; create, exclusive
    // and truncate are O_CREAT, O_EXCL, O_TRUNC. A directory opens read-only (for fstat).
    int Open(string path, int access, bool create, bool exclusive, bool truncate, out IFileNode? node);

    // stat(2); there are no symbolic links, so lstat is the same.
    int GetStatus(string path, out FileFacts facts);

    int CreateDirectory(string path);

    // rmdir(2): ENOTDIR for a file, ENOTEMPTY for a directory with entries.
    int RemoveDirectory(string path);

    // unlink(2): EISDIR for a directory.
    int Unlink(string path);

    // rename(2): replaces a file with a file, or an empty directory with a directory.
    int Rename(string from, string to);

    // The names in a directory (no "." or "..").
    int ReadDirectory(string path, out FileFacts[] entries);
}

// An open file or directory.
internal interface IFileNode
{
    int GetStatus(out FileFacts facts);

    // EISDIR on a directory.
    int Read(long offset, System.Span<byte> buffer, out int count);

    int Write(long offset, System.ReadOnlySpan<byte> data);

    int SetLength(long length);

    // fsync(2): data and size on the device.
    int Flush();

    int Close();
}

// What stat says about a file or directory.
internal readonly struct FileFacts
{
    internal FileFacts(string name, bool isDirectory, long length, long device, long inode, string fileSystem)
    {
        Name = name;
        IsDirectory = isDirectory;
        Length = length;
        Device = device;
        Inode = inode;
        FileSystem = fileSystem;
    }

    internal string Name { get; }

    internal bool IsDirectory { get; }

    internal long Length { get; }

    // Which mount, and which file on it: .NET compares both to tell whether two paths are
    // the same file (File.Move to a name differing only in case).
    internal long Device { get; }

    internal long Inode { get; }

    // The file system's type name ("ramfs", "fatfs").
    internal string FileSystem { get; }
}
