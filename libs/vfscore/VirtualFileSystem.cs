using System;

namespace Uk.Vfs;

// The file tree an application sees: absolute paths resolved through the mount table to a
// file system. Every call reports an FsError; nothing here throws on what a disk contains.
// One instance serves the image (Vfs.Current); tests make their own.
public sealed class VirtualFileSystem
{
    private readonly MountTable _mounts = new MountTable();

    public MountTable Mounts => _mounts;

    // The file system's own words the last time a call here returned Corrupt, e.g.
    // "file 'LOG.BIN': the cluster chain from 5 loops (longer than the disk's 8167 clusters)".
    public string LastProblem { get; private set; } = "";

    public FsError Mount(string path, IFileSystem fileSystem) => _mounts.Mount(path, fileSystem);

    // The file system is asked first: with files still open it stays mounted (Busy).
    public FsError Unmount(string path)
    {
        FsError error = _mounts.Find(path, out IFileSystem? fileSystem);
        if (error == FsError.None)
            error = fileSystem!.Unmount();
        return error != FsError.None ? error : _mounts.Unmount(path, out _);
    }

    public FsError Open(string path, OpenMode mode, out VfsFile? file)
    {
        file = null;
        if ((mode & OpenMode.ReadWrite) == 0)
            return FsError.InvalidArgument;
        FsError error = Resolve(path, out IFileSystem? fs, out string[] rest, out string normalized);
        if (error != FsError.None)
            return error;
        error = Noted(fs!, fs!.Open(rest, mode, out IOpenFile? opened));
        if (error != FsError.None)
            return error;
        file = new VfsFile(opened!, mode, normalized);
        return FsError.None;
    }

    public FsError GetInfo(string path, out FsEntry info)
    {
        info = default;
        FsError error = Resolve(path, out IFileSystem? fs, out string[] rest, out _);
        return error != FsError.None ? error : Noted(fs!, fs!.GetInfo(rest, out info));
    }

    public bool FileExists(string path) => GetInfo(path, out FsEntry info) == FsError.None && !info.IsDirectory;

    public bool DirectoryExists(string path) => GetInfo(path, out FsEntry info) == FsError.None && info.IsDirectory;

    public FsError CreateDirectory(string path)
    {
        FsError error = Resolve(path, out IFileSystem? fs, out string[] rest, out _);
        if (error != FsError.None)
            return error;
        return rest.Length == 0 ? FsError.AlreadyExists : Noted(fs!, fs!.CreateDirectory(rest));
    }

    // Creates every missing directory on the way, like Directory.CreateDirectory.
    public FsError CreateDirectories(string path)
    {
        FsError error = VfsPath.Split(path, out string[] components);
        if (error != FsError.None)
            return error;
        for (int depth = 1; depth <= components.Length; depth++)
        {
            string prefix = VfsPath.Join(components, 0, depth);
            if (DirectoryExists(prefix))
                continue;
            error = CreateDirectory(prefix);
            if (error != FsError.None)
                return error;
        }
        return FsError.None;
    }

    public FsError ReadDirectory(string path, out FsEntry[] entries)
    {
        entries = Array.Empty<FsEntry>();
        FsError error = Resolve(path, out IFileSystem? fs, out string[] rest, out _);
        return error != FsError.None ? error : Noted(fs!, fs!.ReadDirectory(rest, out entries));
    }

    public FsError Delete(string path)
    {
        FsError error = Resolve(path, out IFileSystem? fs, out string[] rest, out _);
        if (error != FsError.None)
            return error;
        return rest.Length == 0 ? FsError.Busy : Noted(fs!, fs!.Delete(rest));
    }

    public FsError Rename(string from, string to)
    {
        FsError error = Resolve(from, out IFileSystem? source, out string[] sourceRest, out _);
        if (error != FsError.None)
            return error;
        error = Resolve(to, out IFileSystem? target, out string[] targetRest, out _);
        if (error != FsError.None)
            return error;
        if (source != target)
            return FsError.CrossDevice;
        if (sourceRest.Length == 0 || targetRest.Length == 0)
            return FsError.Busy;
        return Noted(source!, source!.Rename(sourceRest, targetRest));
    }

    public FsError Sync()
    {
        FsError result = FsError.None;
        for (int i = 0; i < _mounts.Count; i++)
        {
            FsError error = _mounts.FileSystemAt(i).Sync();
            if (result == FsError.None)
                result = error;
        }
        return result;
    }

    public FsError ReadAllBytes(string path, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        FsError error = Open(path, OpenMode.Read, out VfsFile? file);
        if (error != FsError.None)
            return error;
        long length = file!.Length;
        if (length > int.MaxValue)
        {
            file.Close();
            return FsError.FileTooLarge;
        }
        byte[] buffer = new byte[(int)length];
        int total = 0;
        while (total < buffer.Length)
        {
            error = file.Read(new Span<byte>(buffer, total, buffer.Length - total), out int count);
            if (error != FsError.None || count == 0)
                break;
            total += count;
        }
        file.Close();
        if (error != FsError.None)
            return error;
        bytes = buffer;
        return FsError.None;
    }

    // Replaces the file's contents and returns once they are on the device.
    public FsError WriteAllBytes(string path, ReadOnlySpan<byte> bytes, bool append = false)
    {
        OpenMode mode = OpenMode.Write | OpenMode.Create | (append ? OpenMode.Append : OpenMode.Truncate);
        FsError error = Open(path, mode, out VfsFile? file);
        if (error != FsError.None)
            return error;
        error = file!.Write(bytes);
        FsError flushed = file.Flush();
        FsError closed = file.Close();
        return error != FsError.None ? error : flushed != FsError.None ? flushed : closed;
    }

    private FsError Noted(IFileSystem fileSystem, FsError error)
    {
        if (error == FsError.Corrupt)
            LastProblem = fileSystem.LastProblem;
        return error;
    }

    private FsError Resolve(string path, out IFileSystem? fileSystem, out string[] rest, out string normalized)
    {
        fileSystem = null;
        rest = Array.Empty<string>();
        normalized = "/";
        FsError error = VfsPath.Split(path, out string[] components);
        if (error != FsError.None)
            return error;
        normalized = VfsPath.Join(components, 0, components.Length);
        return _mounts.Resolve(components, out fileSystem, out rest);
    }
}
