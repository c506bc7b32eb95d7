using System;
using Internal.Runtime;
using Uk.Dotnet.SystemNative;

namespace Uk.Vfs.Dotnet;

// The VFS as .NET's System.IO sees it on the dotnet library: POSIX's open, stat, unlink,
// rmdir, rename and readdir over VirtualFileSystem, with Linux's errors. Installed into the
// dotnet library's FileTreeSeam at boot; the dotnet library holds one lock around every call.
internal sealed class DotnetFileTree : IFileTree
{
    private readonly VirtualFileSystem _vfs;

    internal DotnetFileTree(VirtualFileSystem vfs) => _vfs = vfs;

    public int Open(string path, int access, bool create, bool exclusive, bool truncate, out IFileNode? node)
    {
        node = null;
        FsError error = _vfs.GetInfo(path, out FsEntry info);
        if (error == FsError.None && info.IsDirectory)
        {
            // Linux opens a directory read-only (FileStream then refuses it after fstat).
            if (create && exclusive)
                return Errors.EEXIST;
            if (access != OpenFlags.ReadOnly || create || truncate)
                return Errors.EISDIR;
            node = new DotnetDirectoryNode(Facts(path, info));
            return 0;
        }
        if (error == FsError.None && create && exclusive)
            return Errors.EEXIST;
        if (error != FsError.None && error != FsError.NotFound)
            return PosixErrors.From(error);
        OpenMode mode = access switch
        {
            OpenFlags.WriteOnly => OpenMode.Write,
            OpenFlags.ReadWrite => OpenMode.ReadWrite,
            _ => OpenMode.Read,
        };
        if (create)
            mode |= OpenMode.Create | (exclusive ? OpenMode.Exclusive : 0);
        if (truncate)
            mode |= OpenMode.Truncate;
        error = _vfs.Open(path, mode, out VfsFile? file);
        if (error != FsError.None)
            return PosixErrors.From(error);
        node = new DotnetFileNode(file!, Identity(file!.Path), FileSystemOf(file.Path));
        return 0;
    }

    public int GetStatus(string path, out FileFacts facts)
    {
        facts = default;
        FsError error = _vfs.GetInfo(path, out FsEntry info);
        if (error != FsError.None)
            return PosixErrors.From(error);
        facts = Facts(path, info);
        return 0;
    }

    public int CreateDirectory(string path) => PosixErrors.From(_vfs.CreateDirectory(path));

    public int RemoveDirectory(string path)
    {
        FsError error = _vfs.GetInfo(path, out FsEntry info);
        if (error != FsError.None)
            return PosixErrors.From(error);
        return info.IsDirectory ? PosixErrors.From(_vfs.Delete(path)) : Errors.ENOTDIR;
    }

    public int Unlink(string path)
    {
        FsError error = _vfs.GetInfo(path, out FsEntry info);
        if (error != FsError.None)
            return PosixErrors.From(error);
        return info.IsDirectory ? Errors.EISDIR : PosixErrors.From(_vfs.Delete(path));
    }

    // rename(2) replaces an existing target of the same kind (a directory only when empty);
    // the VFS moves only to a free name, so the target is removed first. Unlike Linux's, the
    // replacement is two steps: a failed move after the removal loses the old target.
    public int Rename(string from, string to)
    {
        FsError error = _vfs.GetInfo(from, out FsEntry source);
        if (error != FsError.None)
            return PosixErrors.From(error);
        if (VfsPath.Normalize(from, out string fromPath) == FsError.None && VfsPath.Normalize(to, out string toPath) == FsError.None && fromPath == toPath)
            return 0;
        error = _vfs.GetInfo(to, out FsEntry target);
        if (error == FsError.None)
        {
            if (source.IsDirectory && !target.IsDirectory)
                return Errors.ENOTDIR;
            if (!source.IsDirectory && target.IsDirectory)
                return Errors.EISDIR;
            if (target.IsDirectory && IsBelow(to, from))
                return Errors.EINVAL;
            error = _vfs.Delete(to);
            if (error != FsError.None)
                return PosixErrors.From(error);
        }
        else if (error != FsError.NotFound)
            return PosixErrors.From(error);
        return PosixErrors.From(_vfs.Rename(from, to));
    }

    public int ReadDirectory(string path, out FileFacts[] entries)
    {
        entries = Array.Empty<FileFacts>();
        FsError error = _vfs.ReadDirectory(path, out FsEntry[] found);
        if (error != FsError.None)
            return PosixErrors.From(error);
        string fileSystem = FileSystemOf(path);
        string prefix = path.EndsWith('/') ? path : path + "/";
        FileFacts[] result = new FileFacts[found.Length];
        for (int i = 0; i < found.Length; i++)
            result[i] = new FileFacts(found[i].Name, found[i].IsDirectory, found[i].Length, Device, Identity(prefix + found[i].Name), fileSystem);
        entries = result;
        return 0;
    }

    // One device number for the whole tree: moves between mounts fail with EXDEV in the VFS.
    private const long Device = 1;

    private FileFacts Facts(string path, FsEntry info) =>
        new FileFacts(info.Name, info.IsDirectory, info.IsDirectory ? 0 : info.Length, Device, Identity(path), FileSystemOf(path));

    // The tree has no inode numbers: a file is known by its path (there are no links, so a
    // file has one), hashed (FNV-1a) into the positive range.
    internal static long Identity(string path)
    {
        if (VfsPath.Normalize(path, out string normalized) != FsError.None)
            normalized = path;
        ulong hash = 14695981039346656037;
        for (int i = 0; i < normalized.Length; i++)
        {
            hash ^= normalized[i];
            hash *= 1099511628211;
        }
        return (long)(hash >> 1);
    }

    // The type of the file system that serves path: the mount with the longest matching point.
    private string FileSystemOf(string path)
    {
        if (VfsPath.Normalize(path, out string normalized) != FsError.None)
            return "";
        string best = "";
        int bestLength = -1;
        MountTable mounts = _vfs.Mounts;
        for (int i = 0; i < mounts.Count; i++)
        {
            string point = mounts.PointAt(i);
            bool covers = point == "/" || normalized == point || normalized.StartsWith(point + "/", StringComparison.Ordinal);
            if (covers && point.Length > bestLength)
            {
                best = mounts.FileSystemAt(i).TypeName;
                bestLength = point.Length;
            }
        }
        return best;
    }

    private static bool IsBelow(string path, string directory) =>
        VfsPath.Normalize(path, out string inner) == FsError.None && VfsPath.Normalize(directory, out string outer) == FsError.None
        && inner.StartsWith(outer == "/" ? "/" : outer + "/", StringComparison.Ordinal);
}
