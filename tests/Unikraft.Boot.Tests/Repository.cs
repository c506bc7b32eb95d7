namespace Unikraft.Boot.Tests;

internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "global.json")) && Directory.Exists(Path.Combine(directory.FullName, "kernel")))
                return directory.FullName;
        }
        throw new InvalidOperationException("The tests must run inside the repository (no global.json above " + AppContext.BaseDirectory + ").");
    }
}
