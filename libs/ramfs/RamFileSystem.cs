using Uk.Vfs;

namespace Uk.RamFs;

public sealed class RamFileSystem : IFileSystem
{
    private readonly RamNode _root = new RamNode("", isDirectory: true);

    public string TypeName => "ramfs";

    // Memory holds no structure a disk could have damaged.
    public string LastProblem => "";

    public FsError Open(string[] path, OpenMode mode, out IOpenFile? file)
    {
        file = null;
        if (path.Length == 0)
            return FsError.IsADirectory;
        FsError error = FindParent(path, out RamNode? parent);
        if (error != FsError.None)
            return error;
        string name = path[path.Length - 1];
        RamNode? node = parent!.Find(name);
        if (node is null)
        {
            if ((mode & OpenMode.Create) == 0)
                return FsError.NotFound;
            node = new RamNode(name, isDirectory: false);
            parent.Children.Add(node);
        }
        else if ((mode & (OpenMode.Create | OpenMode.Exclusive)) == (OpenMode.Create | OpenMode.Exclusive))
            return FsError.AlreadyExists;
        if (node.IsDirectory)
            return FsError.IsADirectory;
        if ((mode & OpenMode.Truncate) != 0)
            node.Length = 0;
        file = new RamOpenFile(node);
        return FsError.None;
    }

    public FsError GetInfo(string[] path, out FsEntry info)
    {
        info = default;
        FsError error = Find(path, out RamNode? node);
        if (error == FsError.None)
            info = new FsEntry(node!.Name, node.IsDirectory, node.Length);
        return error;
    }

    public FsError CreateDirectory(string[] path)
    {
        if (path.Length == 0)
            return FsError.AlreadyExists;
        FsError error = FindParent(path, out RamNode? parent);
        if (error != FsError.None)
            return error;
        string name = path[path.Length - 1];
        if (parent!.Find(name) is not null)
            return FsError.AlreadyExists;
        parent.Children.Add(new RamNode(name, isDirectory: true));
        return FsError.None;
    }

    public FsError ReadDirectory(string[] path, out FsEntry[] entries)
    {
        entries = System.Array.Empty<FsEntry>();
        FsError error = Find(path, out RamNode? node);
        if (error != FsError.None)
            return error;
        if (!node!.IsDirectory)
            return FsError.NotADirectory;
        entries = new FsEntry[node.Children.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            RamNode child = node.Children[i];
            entries[i] = new FsEntry(child.Name, child.IsDirectory, child.Length);
        }
        return FsError.None;
    }

    public FsError Delete(string[] path)
    {
        if (path.Length == 0)
            return FsError.Busy;
        FsError error = FindParent(path, out RamNode? parent);
        if (error != FsError.None)
            return error;
        RamNode? node = parent!.Find(path[path.Length - 1]);
        if (node is null)
            return FsError.NotFound;
        if (node.IsDirectory && node.Children.Count > 0)
            return FsError.DirectoryNotEmpty;
        parent.Children.Remove(node);
        return FsError.None;
    }

    public FsError Rename(string[] from, string[] to)
    {
        FsError error = FindParent(from, out RamNode? sourceParent);
        if (error != FsError.None)
            return error;
        RamNode? node = sourceParent!.Find(from[from.Length - 1]);
        if (node is null)
            return FsError.NotFound;
        error = FindParent(to, out RamNode? targetParent);
        if (error != FsError.None)
            return error;
        if (targetParent!.Find(to[to.Length - 1]) is not null)
            return FsError.AlreadyExists;
        // A directory cannot move into itself or below it.
        if (node.IsDirectory && IsPrefix(from, to))
            return FsError.InvalidArgument;
        sourceParent.Children.Remove(node);
        node.Name = to[to.Length - 1];
        targetParent.Children.Add(node);
        return FsError.None;
    }

    public FsError Sync() => FsError.None;

    public FsError Unmount() => FsError.None;

    private static bool IsPrefix(string[] prefix, string[] path)
    {
        if (prefix.Length > path.Length)
            return false;
        for (int i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] != path[i])
                return false;
        }
        return true;
    }

    private FsError Find(string[] path, out RamNode? node)
    {
        node = _root;
        for (int i = 0; i < path.Length; i++)
        {
            if (!node.IsDirectory)
                return FsError.NotADirectory;
            node = node.Find(path[i]);
            if (node is null)
                return FsError.NotFound;
        }
        return FsError.None;
    }

    private FsError FindParent(string[] path, out RamNode? parent)
    {
        parent = _root;
        for (int i = 0; i < path.Length - 1; i++)
        {
            parent = parent.Find(path[i]);
            if (parent is null)
                return FsError.NotFound;
            if (!parent.IsDirectory)
                return FsError.NotADirectory;
        }
        return FsError.None;
    }
}
