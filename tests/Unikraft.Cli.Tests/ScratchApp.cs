namespace Unikraft.Cli.Tests;

// A folder for one test's applications: tests/apps/.scratch-<id> (the image build applies
// there) or a temporary folder outside the repository. Deleted afterwards.
internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; }

    private ScratchDirectory(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
    }

    public static ScratchDirectory InRepository() =>
        new(System.IO.Path.Combine(RepositoryRoot.Path, "tests", "apps", ".scratch-" + Guid.NewGuid().ToString("N")[..8]));

    public static ScratchDirectory Outside() =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "uk-test-" + Guid.NewGuid().ToString("N")[..8]));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
