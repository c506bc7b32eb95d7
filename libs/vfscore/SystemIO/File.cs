using Uk.Vfs;

namespace System.IO;

// System.IO.File over the image's VFS. Writes return once the data is on the device.
public static class File
{
    public static bool Exists(string? path) => path is not null && Vfs.Current.FileExists(path);

    public static byte[] ReadAllBytes(string path)
    {
        IoErrors.ThrowIfFailed(Vfs.Current.ReadAllBytes(path, out byte[] bytes), path);
        return bytes;
    }

    public static void WriteAllBytes(string path, byte[] bytes) =>
        IoErrors.ThrowIfFailed(Vfs.Current.WriteAllBytes(path, bytes), path);

    public static string ReadAllText(string path) => Utf8Text.Decode(ReadAllBytes(path));

    public static void WriteAllText(string path, string? contents) =>
        IoErrors.ThrowIfFailed(Vfs.Current.WriteAllBytes(path, Utf8Text.Encode(contents ?? "")), path);

    public static void AppendAllText(string path, string? contents) =>
        IoErrors.ThrowIfFailed(Vfs.Current.WriteAllBytes(path, Utf8Text.Encode(contents ?? ""), append: true), path);

    public static string[] ReadAllLines(string path)
    {
        string text = ReadAllText(path);
        string[] lines = text.Split('\n');
        int count = lines.Length;
        // A final newline ends the last line; it does not start an empty one.
        if (count > 0 && lines[count - 1].Length == 0)
            count--;
        string[] result = new string[count];
        for (int i = 0; i < count; i++)
        {
            string line = lines[i];
            result[i] = line.EndsWith('\r') ? line.Substring(0, line.Length - 1) : line;
        }
        return result;
    }

    // Like the BCL: deleting a file that does not exist is not an error.
    public static void Delete(string path)
    {
        FsError error = Vfs.Current.Delete(path);
        if (error != FsError.NotFound)
            IoErrors.ThrowIfFailed(error, path);
    }

    public static void Move(string sourceFileName, string destFileName) =>
        IoErrors.ThrowIfFailed(Vfs.Current.Rename(sourceFileName, destFileName), sourceFileName);

    public static FileStream Open(string path, FileMode mode) => new FileStream(path, mode);

    public static FileStream Open(string path, FileMode mode, FileAccess access) => new FileStream(path, mode, access);

    public static FileStream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read);

    public static FileStream OpenWrite(string path) => new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write);

    public static FileStream Create(string path) => new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
}
