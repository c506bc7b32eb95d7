namespace Uk.Vfs;

// One name in a directory, or what stat says about a path.
public readonly struct FsEntry
{
    public FsEntry(string name, bool isDirectory, long length)
    {
        Name = name;
        IsDirectory = isDirectory;
        Length = length;
    }

    public string Name { get; }

    public bool IsDirectory { get; }

    // Bytes in the file; 0 for a directory.
    public long Length { get; }
}
