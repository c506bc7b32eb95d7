using System.Threading;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// The descriptors System.Native hands to .NET for open files, directories and sockets: 0 to 2
// are the consoles (Terminal), the rest start at 3, from one table as on Linux. A file's
// holds the tree's open file, the position read and write move, and the access it was
// opened with, as a POSIX open file description; a socket's is a SocketDescription.
internal static class FileDescriptors
{
    internal const int FirstFile = 3;

    // POSIX leaves the limit to the system; Linux's default soft limit is 1,024.
    private const int MaxOpen = 1024;

    private static readonly Lock s_gate = new Lock();
    private static object?[] s_open = new object?[16];

    // Every call into the file tree holds this: the tree's file systems are not thread-safe,
    // and .NET's thread pool reads and writes files from several threads.
    internal static Lock Gate => s_gate;

    internal static int Add(object description)
    {
        lock (s_gate)
        {
            for (int i = 0; i < s_open.Length; i++)
            {
                if (s_open[i] is null)
                {
                    s_open[i] = description;
                    return i + FirstFile;
                }
            }
            if (s_open.Length >= MaxOpen)
                return -Errors.EMFILE;
            object?[] larger = new object?[s_open.Length * 2];
            s_open.CopyTo(larger, 0);
            int index = s_open.Length;
            larger[index] = description;
            s_open = larger;
            return index + FirstFile;
        }
    }

    // The open file or directory behind fd (null for a socket or a closed descriptor).
    internal static OpenDescription? Find(nint fd) => FindAny(fd) as OpenDescription;

    internal static SocketDescription? FindSocket(nint fd) => FindAny(fd) as SocketDescription;

    internal static object? FindAny(nint fd)
    {
        lock (s_gate)
        {
            long index = fd - FirstFile;
            return index >= 0 && index < s_open.Length ? s_open[index] : null;
        }
    }

    internal static object? Remove(nint fd)
    {
        lock (s_gate)
        {
            long index = fd - FirstFile;
            if (index < 0 || index >= s_open.Length)
                return null;
            object? description = s_open[index];
            s_open[index] = null;
            return description;
        }
    }
}

// One open(2): the node, the access mode and the position shared by read, write and lseek.
internal sealed class OpenDescription
{
    internal OpenDescription(IFileNode node, int access, bool syncWrites, bool isDirectory)
    {
        Node = node;
        Access = access;
        SyncWrites = syncWrites;
        IsDirectory = isDirectory;
    }

    internal IFileNode Node { get; }

    // PAL_O_RDONLY, PAL_O_WRONLY or PAL_O_RDWR.
    internal int Access { get; }

    // O_SYNC (FileOptions.WriteThrough): each write returns once it is on the device.
    internal bool SyncWrites { get; }

    internal bool IsDirectory { get; }

    internal long Position { get; set; }

    internal bool CanRead => Access != OpenFlags.WriteOnly;

    internal bool CanWrite => Access != OpenFlags.ReadOnly;
}
