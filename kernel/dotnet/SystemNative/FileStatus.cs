using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Interop.Sys.FileStatus (pal_io.h), filled from what the tree knows. The tree keeps no
// owners, permissions or times: files read as 0644 and directories as 0755 owned by root,
// as .NET creates them on Linux with umask 022, and every time is the epoch.
[StructLayout(LayoutKind.Sequential)]
internal struct FileStatus
{
    private const int TypeDirectory = 0x4000;
    private const int TypeRegular = 0x8000;
    private const int FilePermissions = 0x1A4; // 0644
    private const int DirectoryPermissions = 0x1ED; // 0755

    internal int Flags;
    internal int Mode;
    internal uint Uid;
    internal uint Gid;
    internal long Size;
    internal long ATime;
    internal long ATimeNsec;
    internal long MTime;
    internal long MTimeNsec;
    internal long CTime;
    internal long CTimeNsec;
    internal long BirthTime;
    internal long BirthTimeNsec;
    internal long Dev;
    internal long RDev;
    internal long Ino;
    internal uint UserFlags;

    // The permission bits every file or directory has here.
    internal static int PermissionsOf(bool isDirectory) => isDirectory ? DirectoryPermissions : FilePermissions;

    internal static FileStatus From(in FileFacts facts)
    {
        FileStatus status = default;
        status.Mode = (facts.IsDirectory ? TypeDirectory : TypeRegular) | PermissionsOf(facts.IsDirectory);
        status.Size = facts.Length;
        status.Dev = facts.Device;
        status.Ino = facts.Inode;
        return status;
    }
}
