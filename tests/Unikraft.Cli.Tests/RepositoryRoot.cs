namespace Unikraft.Cli.Tests;

internal static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (File.Exists(System.IO.Path.Combine(dir, "global.json")) && Directory.Exists(System.IO.Path.Combine(dir, "kernel")))
                return dir;
        }
        throw new InvalidOperationException("tests must run inside the repository");
    }
}
