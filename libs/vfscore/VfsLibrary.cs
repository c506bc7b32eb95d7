using Uk.Core;

namespace Uk.Vfs;

// Mounts the fstab at init class sys, after the file-system types (class lib) and the disks
// (class plat/lib) registered. The kernel parameter vfs.fstab= (before "--" on the kernel
// command line) replaces the manifest's option. A mount that fails is reported and skipped;
// it does not stop the boot.
public static class VfsLibrary
{
    private const string FstabParameter = "vfs.fstab=";

    public static void Initialize()
    {
#if UK_BCL_DOTNET
        // .NET's System.IO reaches the VFS through the dotnet library's System.Native.
        Internal.Runtime.FileTreeSeam.Install(new Dotnet.DotnetFileTree(Vfs.Current));
#endif
        string fstab = VfsOptions.Fstab;
        string source = "option vfscore.fstab";
        if (Kernel.Boot is not null)
        {
            CommandLine.Partition(CommandLine.Split(Kernel.Boot.CommandLine), out string[] parameters, out _);
            for (int i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].StartsWith(FstabParameter))
                {
                    fstab = parameters[i].Substring(FstabParameter.Length);
                    source = "kernel parameter vfs.fstab";
                }
            }
        }
        if (!FstabEntry.TryParseList(fstab, out FstabEntry[] entries, out string problem))
        {
            Log.Error("vfs: " + source + ": " + problem + "; nothing mounted");
            return;
        }
        for (int i = 0; i < entries.Length; i++)
            MountEntry(entries[i]);
        ImageFiles.Unpack(Vfs.Current);
    }

    private static void MountEntry(FstabEntry entry)
    {
        string what = entry.Type + (entry.Device.Length > 0 ? ":" + entry.Device : "");
        FsError error = FileSystemTypes.Create(entry.Type, entry.Device, out IFileSystem? fileSystem, out string problem);
        if (error == FsError.None)
            error = Vfs.Current.Mount(entry.MountPoint, fileSystem!);
        if (error != FsError.None)
        {
            string detail = problem.Length > 0 ? problem : FsErrors.Describe(error);
            Log.Error("vfs: cannot mount " + what + " at " + entry.MountPoint + ": " + detail);
            return;
        }
        Log.Info("vfs: mounted " + what + " at " + entry.MountPoint);
    }
}
