using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// What the file tree does not keep: permissions, times, symbolic links and BSD file flags.
// A change to them fails with EPERM, as Linux says on a file system that cannot store it
// (.NET throws UnauthorizedAccessException); asking for what is already so succeeds; a missing
// path still gives ENOENT. Reading a link says the file is none (EINVAL).
internal static unsafe class FileMetadata
{
    private const int PermissionBits = 0x1FF; // 0777

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ChMod")]
    private static int ChMod(byte* path, int mode) => PathStatus(path, out FileFacts facts, out int error) ? ChangeMode(facts, mode) : error;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FChMod")]
    private static int FChMod(nint fd, int mode) => DescriptorStatus(fd, out FileFacts facts, out int error) ? ChangeMode(facts, mode) : error;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_UTimensat")]
    private static int UTimensat(byte* path, void* times) => PathStatus(path, out _, out int error) ? Errors.Fail(Errors.EPERM) : error;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FUTimens")]
    private static int FUTimens(nint fd, void* times) => DescriptorStatus(fd, out _, out int error) ? Errors.Fail(Errors.EPERM) : error;

    // BSD's chflags: Linux's System.Native has none either (ENOTSUP).
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LChflags")]
    private static int LChflags(byte* path, uint flags) => Errors.Fail(Errors.ENOTSUP);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FChflags")]
    private static int FChflags(nint fd, uint flags) => Errors.Fail(Errors.ENOTSUP);

    // symlink(2): an existing link path is EEXIST, a missing parent ENOENT, else EPERM (as
    // FAT gives on Linux).
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SymLink")]
    private static int SymLink(byte* target, byte* linkPath)
    {
        IFileTree? tree = FileTreeSeam.Installed;
        if (tree is null)
            return Errors.Fail(Errors.ENOSYS);
        string path = NativePath.Read(linkPath);
        lock (FileDescriptors.Gate)
        {
            int error = tree.GetStatus(path, out _);
            if (error == 0)
                return Errors.Fail(Errors.EEXIST);
            return Errors.Fail(error == Errors.ENOENT && FilePaths.ParentExists(tree, path) ? Errors.EPERM : error);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ReadLink")]
    private static int ReadLink(byte* path, byte* buffer, int bufferSize) => PathStatus(path, out _, out int error) ? Errors.Fail(Errors.EINVAL) : error;

    private static int ChangeMode(in FileFacts facts, int mode) =>
        (mode & PermissionBits) == FileStatus.PermissionsOf(facts.IsDirectory) ? 0 : Errors.Fail(Errors.EPERM);

    // True with the facts, or false with -1 returned and errno set.
    private static bool PathStatus(byte* path, out FileFacts facts, out int result)
    {
        facts = default;
        IFileTree? tree = FileTreeSeam.Installed;
        int error = Errors.ENOSYS;
        if (tree is not null)
        {
            string text = NativePath.Read(path);
            lock (FileDescriptors.Gate)
                error = tree.GetStatus(text, out facts);
        }
        result = error == 0 ? 0 : Errors.Fail(error);
        return error == 0;
    }

    private static bool DescriptorStatus(nint fd, out FileFacts facts, out int result)
    {
        facts = default;
        OpenDescription? file = FileDescriptors.Find(fd);
        int error = Errors.EBADF;
        if (file is not null)
        {
            lock (FileDescriptors.Gate)
                error = file.Node.GetStatus(out facts);
        }
        result = error == 0 ? 0 : Errors.Fail(error);
        return error == 0;
    }
}
