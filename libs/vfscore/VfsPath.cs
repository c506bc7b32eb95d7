namespace Uk.Vfs;

// Path syntax of the VFS: '/'-separated, absolute (a relative path is taken from the root,
// there is no working directory), "." and repeated slashes dropped, ".." going up (at the
// root it stays there, as in POSIX).
public static class VfsPath
{
    public const int MaxNameLength = 255;
    public const int MaxPathLength = 1024;

    public static FsError Split(string? path, out string[] components)
    {
        components = System.Array.Empty<string>();
        if (path is null || path.Length == 0)
            return FsError.InvalidPath;
        if (path.Length > MaxPathLength)
            return FsError.PathTooLong;

        // At most one component per two characters, plus one.
        string[] stack = new string[path.Length / 2 + 1];
        int depth = 0;
        int i = 0;
        while (i < path.Length)
        {
            while (i < path.Length && path[i] == '/')
                i++;
            int start = i;
            while (i < path.Length && path[i] != '/')
            {
                char c = path[i];
                if (c < ' ' || c == '\\')
                    return FsError.InvalidName;
                i++;
            }
            int length = i - start;
            if (length == 0 || (length == 1 && path[start] == '.'))
                continue;
            if (length == 2 && path[start] == '.' && path[start + 1] == '.')
            {
                if (depth > 0)
                    depth--;
                continue;
            }
            if (length > MaxNameLength)
                return FsError.NameTooLong;
            stack[depth++] = path.Substring(start, length);
        }
        components = Slice(stack, 0, depth);
        return FsError.None;
    }

    public static FsError Normalize(string? path, out string normalized)
    {
        normalized = "/";
        FsError error = Split(path, out string[] components);
        if (error != FsError.None)
            return error;
        normalized = Join(components, 0, components.Length);
        return FsError.None;
    }

    public static string Join(string[] components, int start, int count)
    {
        if (count == 0)
            return "/";
        string result = "";
        for (int i = start; i < start + count; i++)
            result = result + "/" + components[i];
        return result;
    }

    public static string[] Slice(string[] components, int start, int count)
    {
        string[] result = new string[count];
        for (int i = 0; i < count; i++)
            result[i] = components[start + i];
        return result;
    }
}
