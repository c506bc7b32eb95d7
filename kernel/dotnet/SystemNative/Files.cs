using System;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Open files through System.IO (FileStream, File.*, RandomAccess): descriptors over the file
// tree vfscore installs (FileTreeSeam), with POSIX semantics, so .NET's Unix code runs as on
// Linux. Without vfscore every call fails with ENOSYS (an IOException naming what to add).
internal static unsafe class Files
{
    // Descriptor 0 reads the console input (it is not a terminal: .NET reads it as
    // redirected input, without echo or line editing).
    private const int StandardInput = 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Open")]
    private static nint Open(byte* path, int flags, int mode)
    {
        IFileTree? tree = FileTreeSeam.Installed;
        if (tree is null)
            return Errors.Fail(Errors.ENOSYS);
        int access = flags & OpenFlags.AccessMask;
        if ((flags & ~OpenFlags.Known) != 0 || access > OpenFlags.ReadWrite)
            return Errors.Fail(Errors.EINVAL);
        bool create = (flags & OpenFlags.Create) != 0;
        int error;
        IFileNode? node;
        lock (FileDescriptors.Gate)
            error = tree.Open(NativePath.Read(path), access, create, create && (flags & OpenFlags.Exclusive) != 0, (flags & OpenFlags.Truncate) != 0, out node);
        if (error != 0)
            return Errors.Fail(error);
        bool isDirectory;
        lock (FileDescriptors.Gate)
        {
            error = node!.GetStatus(out FileFacts facts);
            isDirectory = facts.IsDirectory;
        }
        int fd = FileDescriptors.Add(new OpenDescription(node, access, (flags & OpenFlags.Sync) != 0, isDirectory));
        if (error == 0 && fd < 0)
            error = -fd;
        if (error != 0)
        {
            lock (FileDescriptors.Gate)
                node.Close();
            return Errors.Fail(error);
        }
        return fd;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Close")]
    private static int Close(nint fd)
    {
        if (fd is 0 or 1 or 2)
            return 0;
        object? removed = FileDescriptors.Remove(fd);
        if (removed is SocketDescription socket)
        {
            socket.Close();
            return 0;
        }
        if (removed is not OpenDescription description)
            return Errors.Fail(Errors.EBADF);
        lock (FileDescriptors.Gate)
            return Result(description.Node.Close());
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Read")]
    private static int Read(nint fd, byte* buffer, int count)
    {
        if (fd == StandardInput)
            return ConsoleSeam.Read(new Span<byte>(buffer, count));
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null || !file.CanRead)
            return Errors.Fail(Errors.EBADF);
        lock (FileDescriptors.Gate)
        {
            int read = ReadAt(file, buffer, count, file.Position);
            if (read > 0)
                file.Position += read;
            return read;
        }
    }

    // Writes to descriptors 3 and up (Terminal's SystemNative_Write hands them here).
    internal static int Write(nint fd, byte* buffer, int count)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null || !file.CanWrite)
            return Errors.Fail(Errors.EBADF);
        lock (FileDescriptors.Gate)
        {
            int written = WriteAt(file, buffer, count, file.Position);
            if (written > 0)
                file.Position += written;
            return written;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PRead")]
    private static int PRead(nint fd, byte* buffer, int count, long offset)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null || !file.CanRead)
            return Errors.Fail(Errors.EBADF);
        if (offset < 0)
            return Errors.Fail(Errors.EINVAL);
        lock (FileDescriptors.Gate)
            return ReadAt(file, buffer, count, offset);
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PWrite")]
    private static int PWrite(nint fd, byte* buffer, int count, long offset)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null || !file.CanWrite)
            return Errors.Fail(Errors.EBADF);
        if (offset < 0)
            return Errors.Fail(Errors.EINVAL);
        lock (FileDescriptors.Gate)
            return WriteAt(file, buffer, count, offset);
    }

    // Interop.Sys.IOVector: a struct iovec.
    private struct IOVector
    {
        internal byte* Base;
        internal nuint Count;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PReadV")]
    private static long PReadV(nint fd, IOVector* vectors, int vectorCount, long offset)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null || !file.CanRead)
            return Errors.Fail(Errors.EBADF);
        if (offset < 0 || vectorCount < 0)
            return Errors.Fail(Errors.EINVAL);
        long total = 0;
        lock (FileDescriptors.Gate)
        {
            for (int i = 0; i < vectorCount; i++)
            {
                int wanted = (int)Math.Min(vectors[i].Count, int.MaxValue);
                int read = ReadAt(file, vectors[i].Base, wanted, offset + total);
                if (read < 0)
                    return total > 0 ? total : read;
                total += read;
                if (read < wanted)
                    break;
            }
        }
        return total;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PWriteV")]
    private static long PWriteV(nint fd, IOVector* vectors, int vectorCount, long offset)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null || !file.CanWrite)
            return Errors.Fail(Errors.EBADF);
        if (offset < 0 || vectorCount < 0)
            return Errors.Fail(Errors.EINVAL);
        long total = 0;
        lock (FileDescriptors.Gate)
        {
            for (int i = 0; i < vectorCount; i++)
            {
                int count = (int)Math.Min(vectors[i].Count, int.MaxValue);
                int written = WriteAt(file, vectors[i].Base, count, offset + total);
                if (written < 0)
                    return total > 0 ? total : written;
                total += written;
            }
        }
        return total;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LSeek")]
    private static long LSeek(nint fd, long offset, int whence)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null)
            return Errors.Fail(fd is >= 0 and <= 2 ? Errors.ESPIPE : Errors.EBADF);
        lock (FileDescriptors.Gate)
        {
            long origin;
            switch (whence)
            {
                case 0:
                    origin = 0;
                    break;
                case 1:
                    origin = file.Position;
                    break;
                case 2:
                    int error = file.Node.GetStatus(out FileFacts facts);
                    if (error != 0)
                        return Errors.Fail(error);
                    origin = facts.Length;
                    break;
                default:
                    return Errors.Fail(Errors.EINVAL);
            }
            long target = origin + offset;
            if (target < 0)
                return Errors.Fail(Errors.EINVAL);
            file.Position = target;
            return target;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FStat")]
    private static int FStat(nint fd, FileStatus* status)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null)
            return Errors.Fail(Errors.EBADF);
        lock (FileDescriptors.Gate)
        {
            int error = file.Node.GetStatus(out FileFacts facts);
            if (error != 0)
                return Errors.Fail(error);
            *status = FileStatus.From(facts);
            return 0;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FTruncate")]
    private static int FTruncate(nint fd, long length)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null || !file.CanWrite)
            return Errors.Fail(file is null ? Errors.EBADF : Errors.EINVAL);
        if (length < 0)
            return Errors.Fail(Errors.EINVAL);
        lock (FileDescriptors.Gate)
            return Result(file.Node.SetLength(length));
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FSync")]
    private static int FSync(nint fd)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null)
            return Errors.Fail(Errors.EBADF);
        lock (FileDescriptors.Gate)
            return Result(file.IsDirectory ? 0 : file.Node.Flush());
    }

    // Advisory locks between processes: one program runs here, so every lock is granted.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FLock")]
    private static int FLock(nint fd, int operation) => FileDescriptors.Find(fd) is null ? Errors.Fail(Errors.EBADF) : 0;

    // A hint about the access pattern; the tree has no read-ahead to tune. Returns the error
    // itself rather than setting errno, as posix_fadvise does.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PosixFAdvise")]
    private static int PosixFAdvise(nint fd, long offset, long length, int advice) => FileDescriptors.Find(fd) is null ? Errors.EBADF : 0;

    // Preallocation (File.WriteAllBytes, FileStream's preallocationSize) keeps the size, as
    // Linux's FALLOC_FL_KEEP_SIZE does: space is taken when the data is written.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FAllocate")]
    private static int FAllocate(nint fd, long offset, long length)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null || !file.CanWrite)
            return Errors.Fail(Errors.EBADF);
        return offset < 0 || length <= 0 ? Errors.Fail(Errors.EINVAL) : 0;
    }

    // File.Copy: the whole source into the (new or truncated) destination.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CopyFile")]
    private static int CopyFile(nint sourceFd, nint destinationFd, long sourceLength)
    {
        OpenDescription? source = FileDescriptors.Find(sourceFd);
        OpenDescription? destination = FileDescriptors.Find(destinationFd);
        if (source is null || destination is null || !source.CanRead || !destination.CanWrite)
            return Errors.Fail(Errors.EBADF);
        byte[] chunk = new byte[16384];
        long offset = 0;
        lock (FileDescriptors.Gate)
        {
            while (true)
            {
                int error = source.Node.Read(offset, chunk, out int count);
                if (error != 0)
                    return Errors.Fail(error);
                if (count == 0)
                    return 0;
                error = destination.Node.Write(offset, new ReadOnlySpan<byte>(chunk, 0, count));
                if (error != 0)
                    return Errors.Fail(error);
                offset += count;
            }
        }
    }

    // statfs(2)'s f_type, the Linux magic numbers .NET's UnixFileSystemTypes uses.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetFileSystemType")]
    private static long GetFileSystemType(nint fd)
    {
        OpenDescription? file = FileDescriptors.Find(fd);
        if (file is null)
            return Errors.Fail(Errors.EBADF);
        lock (FileDescriptors.Gate)
        {
            int error = file.Node.GetStatus(out FileFacts facts);
            if (error != 0)
                return Errors.Fail(error);
            return facts.FileSystem switch
            {
                "fatfs" => 0x4D44, // msdos
                _ => 0x858458F6, // ramfs
            };
        }
    }

    // No BSD file flags (UF_HIDDEN): a name starting with '.' is hidden, as on Linux.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CanGetHiddenFlag")]
    private static int CanGetHiddenFlag() => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LChflagsCanSetHiddenFlag")]
    private static int LChflagsCanSetHiddenFlag() => 0;

    private static int ReadAt(OpenDescription file, byte* buffer, int count, long offset)
    {
        if (count < 0)
            return Errors.Fail(Errors.EINVAL);
        if (file.IsDirectory)
            return Errors.Fail(Errors.EISDIR);
        int error = file.Node.Read(offset, new Span<byte>(buffer, count), out int read);
        return error != 0 ? Errors.Fail(error) : read;
    }

    private static int WriteAt(OpenDescription file, byte* buffer, int count, long offset)
    {
        if (count < 0)
            return Errors.Fail(Errors.EINVAL);
        if (file.IsDirectory)
            return Errors.Fail(Errors.EBADF);
        int error = file.Node.Write(offset, new ReadOnlySpan<byte>(buffer, count));
        if (error == 0 && file.SyncWrites)
            error = file.Node.Flush();
        return error != 0 ? Errors.Fail(error) : count;
    }

    private static int Result(int error) => error == 0 ? 0 : Errors.Fail(error);
}
