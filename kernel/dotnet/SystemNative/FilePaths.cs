using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Calls on paths (File.Exists, Delete, Move, Directory.CreateDirectory, ...) over the file
// tree, with POSIX errors so .NET throws what it throws on Linux.
internal static unsafe class FilePaths
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Stat")]
    private static int Stat(byte* path, FileStatus* status) => GetStatus(path, status);

    // No symbolic links: lstat is stat.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LStat")]
    private static int LStat(byte* path, FileStatus* status) => GetStatus(path, status);

    // access(2): the process is root, so a file that exists may be read, written and run.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Access")]
    private static int Access(byte* path, int mode) => Call(path, static (tree, text) => tree.GetStatus(text, out _));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Unlink")]
    private static int Unlink(byte* path) => Call(path, static (tree, text) => tree.Unlink(text));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MkDir")]
    private static int MkDir(byte* path, int mode) => Call(path, static (tree, text) => tree.CreateDirectory(text));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_RmDir")]
    private static int RmDir(byte* path) => Call(path, static (tree, text) => tree.RemoveDirectory(text));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Rename")]
    private static int Rename(byte* oldPath, byte* newPath)
    {
        string target = NativePath.Read(newPath);
        return Call(oldPath, (tree, source) => tree.Rename(source, target));
    }

    // The tree has no hard links. The errors link(2) gives before that point are given as
    // Linux gives them (a missing source, an existing target); then EPERM, as FAT says on
    // Linux, and File.Move falls back to copy and delete as it does there.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Link")]
    private static int Link(byte* source, byte* linkTarget)
    {
        string target = NativePath.Read(linkTarget);
        return Call(source, (tree, from) =>
        {
            int error = tree.GetStatus(from, out FileFacts facts);
            if (error != 0)
                return error;
            error = tree.GetStatus(target, out _);
            if (error == 0)
                return Errors.EEXIST;
            return error == Errors.ENOENT && ParentExists(tree, target) ? Errors.EPERM : error;
        });
    }

    internal static bool ParentExists(IFileTree tree, string path)
    {
        int slash = path.TrimEnd('/').LastIndexOf('/');
        string parent = slash <= 0 ? "/" : path.Substring(0, slash);
        return tree.GetStatus(parent, out FileFacts facts) == 0 && facts.IsDirectory;
    }

    private static int GetStatus(byte* path, FileStatus* status)
    {
        IFileTree? tree = FileTreeSeam.Installed;
        if (tree is null)
            return Errors.Fail(Errors.ENOSYS);
        string text = NativePath.Read(path);
        lock (FileDescriptors.Gate)
        {
            int error = tree.GetStatus(text, out FileFacts facts);
            if (error != 0)
                return Errors.Fail(error);
            *status = FileStatus.From(facts);
            return 0;
        }
    }

    private static int Call(byte* path, System.Func<IFileTree, string, int> call)
    {
        IFileTree? tree = FileTreeSeam.Installed;
        if (tree is null)
            return Errors.Fail(Errors.ENOSYS);
        string text = NativePath.Read(path);
        int error;
        lock (FileDescriptors.Gate)
            error = call(tree, text);
        return error == 0 ? 0 : Errors.Fail(error);
    }
}
