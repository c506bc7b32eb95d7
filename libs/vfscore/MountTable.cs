namespace Uk.Vfs;

// Which file system serves which path: the mount whose point is the longest prefix of the
// path (in whole components) wins, so /data/x goes to a mount at /data, not the one at /.
public sealed class MountTable
{
    private string[][] _points = new string[4][];
    private IFileSystem[] _systems = new IFileSystem[4];
    private int _count;

    public int Count => _count;

    public string PointAt(int index) => VfsPath.Join(_points[index], 0, _points[index].Length);

    public IFileSystem FileSystemAt(int index) => _systems[index];

    public FsError Mount(string path, IFileSystem fileSystem)
    {
        FsError error = VfsPath.Split(path, out string[] point);
        if (error != FsError.None)
            return error;
        if (IndexOf(point) >= 0)
            return FsError.AlreadyMounted;
        if (_count == _points.Length)
            Grow();
        _points[_count] = point;
        _systems[_count] = fileSystem;
        _count++;
        return FsError.None;
    }

    // The file system mounted exactly at path.
    public FsError Find(string path, out IFileSystem? fileSystem) => Locate(path, out fileSystem, out _);

    public FsError Unmount(string path, out IFileSystem? fileSystem)
    {
        FsError error = Locate(path, out fileSystem, out int index);
        if (error != FsError.None)
            return error;
        for (int i = index; i < _count - 1; i++)
        {
            _points[i] = _points[i + 1];
            _systems[i] = _systems[i + 1];
        }
        _count--;
        return FsError.None;
    }

    private FsError Locate(string path, out IFileSystem? fileSystem, out int index)
    {
        fileSystem = null;
        index = -1;
        FsError error = VfsPath.Split(path, out string[] point);
        if (error != FsError.None)
            return error;
        index = IndexOf(point);
        if (index < 0)
            return FsError.NotMounted;
        fileSystem = _systems[index];
        return FsError.None;
    }

    // The file system for an absolute path's components and the components below its mount.
    public FsError Resolve(string[] components, out IFileSystem? fileSystem, out string[] rest)
    {
        int best = -1;
        for (int i = 0; i < _count; i++)
        {
            string[] point = _points[i];
            if (point.Length > components.Length || (best >= 0 && point.Length <= _points[best].Length))
                continue;
            if (IsPrefix(point, components))
                best = i;
        }
        if (best < 0)
        {
            fileSystem = null;
            rest = components;
            return FsError.NotMounted;
        }
        fileSystem = _systems[best];
        int depth = _points[best].Length;
        rest = VfsPath.Slice(components, depth, components.Length - depth);
        return FsError.None;
    }

    private int IndexOf(string[] point)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_points[i].Length == point.Length && IsPrefix(_points[i], point))
                return i;
        }
        return -1;
    }

    private static bool IsPrefix(string[] prefix, string[] components)
    {
        for (int i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] != components[i])
                return false;
        }
        return true;
    }

    private void Grow()
    {
        string[][] points = new string[_points.Length * 2][];
        IFileSystem[] systems = new IFileSystem[_points.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            points[i] = _points[i];
            systems[i] = _systems[i];
        }
        _points = points;
        _systems = systems;
    }
}
