using System.IO;

namespace Unikraft.Bench.Boot;

/// <summary>Finds the repository root: the nearest ancestor holding Unikraft.sln or global.json.</summary>
public static class RepoRoot
{
    public static string Find(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Unikraft.sln")) ||
                File.Exists(Path.Combine(dir.FullName, "global.json")))
                return dir.FullName;
        }
        throw new BenchException($"cannot find the repository root (a folder with Unikraft.sln or global.json) above '{start}'.");
    }
}
