using Uk.Vfs;

namespace System.IO;

// System.IO.Directory over the image's VFS. Paths in results are the directory's path
// joined with each name, as the BCL returns them.
public static class Directory
{
    public static bool Exists(string? path) => path is not null && Vfs.Current.DirectoryExists(path);

    // Creates every missing directory on the way; an existing directory is fine.
    public static void CreateDirectory(string path) => IoErrors.ThrowIfFailed(Vfs.Current.CreateDirectories(path), path);

    public static string[] GetFiles(string path) => Names(path, directories: false);

    public static string[] GetDirectories(string path) => Names(path, directories: true);

    public static void Delete(string path) => IoErrors.ThrowIfFailed(Vfs.Current.Delete(path), path);

    public static void Move(string sourceDirName, string destDirName) =>
        IoErrors.ThrowIfFailed(Vfs.Current.Rename(sourceDirName, destDirName), sourceDirName);

    private static string[] Names(string path, bool directories)
    {
        IoErrors.ThrowIfFailed(Vfs.Current.ReadDirectory(path, out FsEntry[] entries), path);
        int count = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i].IsDirectory == directories)
                count++;
        }
        string prefix = path.EndsWith('/') ? path : path + "/";
        string[] result = new string[count];
        count = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i].IsDirectory == directories)
                result[count++] = prefix + entries[i].Name;
        }
        return result;
    }
}
