namespace Uk.Vfs;

// One mount of the fstab syntax "mountpoint=type[:device]", e.g. "/=fatfs:vda".
public readonly struct FstabEntry
{
    public FstabEntry(string mountPoint, string type, string device)
    {
        MountPoint = mountPoint;
        Type = type;
        Device = device;
    }

    public string MountPoint { get; }

    public string Type { get; }

    public string Device { get; }

    // Parses a comma-separated list; an empty text is no mounts. problem names the bad entry.
    public static bool TryParseList(string text, out FstabEntry[] entries, out string problem)
    {
        problem = "";
        entries = System.Array.Empty<FstabEntry>();
        if (text.Trim().Length == 0)
            return true;
        string[] parts = text.Split(',');
        FstabEntry[] result = new FstabEntry[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i].Trim();
            int equals = part.IndexOf('=');
            if (equals <= 0 || equals == part.Length - 1)
            {
                problem = "fstab entry '" + part + "' is not mountpoint=type[:device]";
                return false;
            }
            string point = part.Substring(0, equals);
            string source = part.Substring(equals + 1);
            if (point[0] != '/')
            {
                problem = "fstab entry '" + part + "': the mount point must start with '/'";
                return false;
            }
            int colon = source.IndexOf(':');
            string type = colon < 0 ? source : source.Substring(0, colon);
            string device = colon < 0 ? "" : source.Substring(colon + 1);
            if (type.Length == 0 || (colon >= 0 && device.Length == 0))
            {
                problem = "fstab entry '" + part + "' is not mountpoint=type[:device]";
                return false;
            }
            result[i] = new FstabEntry(point, type, device);
        }
        entries = result;
        return true;
    }
}
