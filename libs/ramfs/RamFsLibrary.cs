using Uk.Vfs;

namespace Uk.RamFs;

public static class RamFsLibrary
{
    public static void Initialize() => FileSystemTypes.Register("ramfs", CreateForMount);

    private static FsError CreateForMount(string device, out IFileSystem? fileSystem, out string problem)
    {
        problem = "";
        fileSystem = new RamFileSystem();
        return FsError.None;
    }
}
