using System;
using System.Runtime.InteropServices;
using System.Text;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Directory enumeration (Directory.GetFiles, EnumerateFileSystemEntries, DirectoryInfo): an
// OpenDir handle is a snapshot of the names taken at open, as readdir may give, with each
// name NUL-terminated in one UTF-8 block. DirectoryEntry.Name points into that block: the
// collector does not move objects, and the open stream keeps the block alive until CloseDir.
internal static unsafe class Directories
{
    private const int EndOfStream = -1;
    private const int TypeDirectory = 4;
    private const int TypeRegular = 8;

    // Interop.Sys.DirectoryEntry.
    private struct DirectoryEntry
    {
        internal byte* Name;
        internal int NameLength;
        internal int InodeType;
    }

    private sealed class DirectoryStream
    {
        internal DirectoryStream(FileFacts[] entries)
        {
            Entries = entries;
            int total = 0;
            for (int i = 0; i < entries.Length; i++)
                total += Encoding.UTF8.GetByteCount(entries[i].Name) + 1;
            Names = new byte[Math.Max(total, 1)];
        }

        internal FileFacts[] Entries { get; }

        internal byte[] Names { get; }

        internal int Next { get; set; }

        internal int NamesUsed { get; set; }
    }

    private static readonly System.Threading.Lock s_gate = new System.Threading.Lock();
    private static DirectoryStream?[] s_streams = new DirectoryStream?[8];

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_OpenDir")]
    private static nint OpenDir(byte* path)
    {
        IFileTree? tree = FileTreeSeam.Installed;
        string text = NativePath.Read(path);
        int error = Errors.ENOSYS;
        FileFacts[] entries = Array.Empty<FileFacts>();
        if (tree is not null)
        {
            lock (FileDescriptors.Gate)
                error = tree.ReadDirectory(text, out entries);
        }
        if (error != 0)
        {
            Errors.Fail(error);
            return 0;
        }
        lock (s_gate)
        {
            int slot = Array.IndexOf(s_streams, null);
            if (slot < 0)
            {
                slot = s_streams.Length;
                Array.Resize(ref s_streams, s_streams.Length * 2);
            }
            s_streams[slot] = new DirectoryStream(entries);
            return slot + 1;
        }
    }

    // 0 and an entry, -1 at the end, or an error number (readdir's convention in pal_io.c).
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ReadDir")]
    private static int ReadDir(nint handle, DirectoryEntry* entry)
    {
        DirectoryStream? stream = Find(handle);
        if (stream is null)
            return Errors.EBADF;
        if (stream.Next == stream.Entries.Length)
            return EndOfStream;
        FileFacts facts = stream.Entries[stream.Next++];
        byte[] names = stream.Names;
        int length = Encoding.UTF8.GetBytes(facts.Name, new Span<byte>(names, stream.NamesUsed, names.Length - stream.NamesUsed));
        names[stream.NamesUsed + length] = 0;
        fixed (byte* start = names)
            entry->Name = start + stream.NamesUsed;
        entry->NameLength = length;
        entry->InodeType = facts.IsDirectory ? TypeDirectory : TypeRegular;
        stream.NamesUsed += length + 1;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CloseDir")]
    private static int CloseDir(nint handle)
    {
        lock (s_gate)
        {
            if (Find(handle) is null)
                return Errors.Fail(Errors.EBADF);
            s_streams[handle - 1] = null;
            return 0;
        }
    }

    private static DirectoryStream? Find(nint handle)
    {
        lock (s_gate)
            return handle > 0 && handle <= s_streams.Length ? s_streams[handle - 1] : null;
    }
}
