using System.Collections.Generic;

namespace Uk.Vfs;

// Makes a file system for a mount: device is what follows the type in the fstab ("vda" in
// fatfs:vda), empty when none was given; problem says what is wrong when it fails.
public delegate FsError FileSystemFactory(string device, out IFileSystem? fileSystem, out string problem);

// The file-system types in the image, by name ("ramfs", "fatfs"): each file-system library
// registers its factory at init (class lib); the VFS mounts the fstab at init class sys.
public static class FileSystemTypes
{
    private static readonly List<string> s_names = new List<string>();
    private static readonly List<FileSystemFactory> s_factories = new List<FileSystemFactory>();

    public static int Count => s_names.Count;

    public static string NameAt(int index) => s_names[index];

    public static void Register(string name, FileSystemFactory factory)
    {
        s_names.Add(name);
        s_factories.Add(factory);
    }

    public static FsError Create(string type, string device, out IFileSystem? fileSystem, out string problem)
    {
        int index = s_names.IndexOf(type);
        if (index >= 0)
            return s_factories[index](device, out fileSystem, out problem);
        fileSystem = null;
        problem = "no file system type '" + type + "' in the image";
        return FsError.UnknownFileSystem;
    }
}
