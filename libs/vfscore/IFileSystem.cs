namespace Uk.Vfs;

// A mounted file system. Paths are the components below its mount point, already normalised
// by the VFS (no ".", "..", or empty names); an empty array is the file system's root.
public interface IFileSystem
{
    string TypeName { get; }

    // What was found wrong the last time a call returned Corrupt ("" if nothing was).
    string LastProblem { get; }

    FsError Open(string[] path, OpenMode mode, out IOpenFile? file);

    FsError GetInfo(string[] path, out FsEntry info);

    FsError CreateDirectory(string[] path);

    FsError ReadDirectory(string[] path, out FsEntry[] entries);

    // Removes a file or an empty directory.
    FsError Delete(string[] path);

    // Moves a file or directory; the target must not exist.
    FsError Rename(string[] from, string[] to);

    // Writes everything still in memory and flushes the device.
    FsError Sync();

    FsError Unmount();
}
