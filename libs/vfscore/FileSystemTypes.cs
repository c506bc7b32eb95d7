namespace Uk.Vfs;

// Makes a file system for a mount: device is what follows the type in the fstab ("vda" in
// fatfs:vda), empty when none was given; problem says what is wrong when it fails.
public delegate FsError FileSystemFactory(string device, out IFileSystem? fileSystem, out string problem);

// The file-system types in the image, by name ("ramfs", "fatfs"): each file-system library
// registers its factory at init (class lib); the VFS mounts the fstab at init class sys.
public static class FileSystemTypes
{
    private static string[] s_names = new string[4];
    private static FileSystemFactory[] s_factories = new FileSystemFactory[4];
    private static int s_count;

    public static int Count => s_count;

    public static string NameAt(int index) => s_names[index];

    public static void Register(string name, FileSystemFactory factory)
    {
        if (s_count == s_names.Length)
        {
            string[] names = new string[s_count * 2];
            FileSystemFactory[] factories = new FileSystemFactory[s_count * 2];
            for (int i = 0; i < s_count; i++)
            {
                names[i] = s_names[i];
                factories[i] = s_factories[i];
            }
            s_names = names;
            s_factories = factories;
        }
        s_names[s_count] = name;
        s_factories[s_count] = factory;
        s_count++;
    }

    public static FsError Create(string type, string device, out IFileSystem? fileSystem, out string problem)
    {
        for (int i = 0; i < s_count; i++)
        {
            if (s_names[i] == type)
                return s_factories[i](device, out fileSystem, out problem);
        }
        fileSystem = null;
        problem = "no file system type '" + type + "' in the image";
        return FsError.UnknownFileSystem;
    }
}
