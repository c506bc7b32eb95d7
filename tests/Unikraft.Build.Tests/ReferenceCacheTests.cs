using Unikraft.Build.Incremental;

namespace Unikraft.Build.Tests;

/// <summary>The cache that lets a no-change build take the library assemblies as they are:
/// it must stand in only when nothing the libraries are built from changed.</summary>
public sealed class ReferenceCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uk-reference-cache-").FullName;
    private readonly string _library;
    private readonly string _source;
    private readonly string _assembly;
    private readonly string _cacheFile;
    private readonly string _props;

    public ReferenceCacheTests()
    {
        _library = Path.Combine(_root, "libs", "netstack");
        Directory.CreateDirectory(Path.Combine(_library, "Tcp"));
        Directory.CreateDirectory(Path.Combine(_library, "bin"));
        Directory.CreateDirectory(Path.Combine(_library, "obj"));
        _source = Path.Combine(_library, "Tcp", "Connection.cs");
        File.WriteAllText(_source, "class Connection {}");
        _assembly = Path.Combine(_library, "bin", "netstack.dll");
        File.WriteAllText(_assembly, "MZ");
        _props = Path.Combine(_root, "Directory.Build.props");
        File.WriteAllText(_props, "<Project />");
        _cacheFile = Path.Combine(_root, "app", "obj", "references.json");
        SetAllTimes(DateTime.UtcNow.AddMinutes(-10));
        Cache().Save(_cacheFile);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ReferenceCache Cache(string key = "Debug|minimal") => new(key, [Project], [new BuiltReference(_assembly, new Dictionary<string, string> { ["ReferenceSourceTarget"] = "ProjectReference" })],
        ReferenceCache.Scan([Path.Combine(_root, "libs")]).Fingerprint);

    private string Project => Path.Combine(_library, "netstack.csproj");

    private bool Current(string key = "Debug|minimal", string[]? projects = null) =>
        ReferenceCache.Load(_cacheFile)!.IsCurrent(_cacheFile, key, projects ?? [Project], [Path.Combine(_root, "libs")], [_props]);

    private void SetAllTimes(DateTime time)
    {
        foreach (string path in Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories))
        {
            if (File.Exists(path)) File.SetLastWriteTimeUtc(path, time);
            else Directory.SetLastWriteTimeUtc(path, time);
        }
    }

    [Fact]
    public void ACacheWithNothingChangedSinceStandsInWithItsItemsAndMetadata()
    {
        Assert.True(Current());
        BuiltReference reference = Assert.Single(ReferenceCache.Load(_cacheFile)!.References);
        Assert.Equal(_assembly, reference.Path);
        Assert.Equal("ProjectReference", reference.Metadata["ReferenceSourceTarget"]);
    }

    [Fact]
    public void AnEditedSourceOrSharedPropsFileMakesTheProjectsBuild()
    {
        File.SetLastWriteTimeUtc(_source, DateTime.UtcNow.AddSeconds(1));
        Assert.False(Current());
        File.SetLastWriteTimeUtc(_source, DateTime.UtcNow.AddMinutes(-10));
        Assert.True(Current());
        File.SetLastWriteTimeUtc(_props, DateTime.UtcNow.AddSeconds(1));
        Assert.False(Current());
    }

    [Fact]
    public void ADeletedFileMakesTheProjectsBuild()
    {
        File.Delete(_source);
        Assert.False(Current());
    }

    [Fact]
    public void AnAddedFileMakesTheProjectsBuildEvenWithAnOldTime()
    {
        string added = Path.Combine(_library, "Tcp", "Added.cs");
        File.WriteAllText(added, "class Added {}");
        File.SetLastWriteTimeUtc(added, DateTime.UtcNow.AddMinutes(-20));
        Assert.False(Current());
    }

    [Fact]
    public void OutputFoldersMadeInAnotherLibraryDoNotCount()
    {
        // Another image's build creates a library's bin/ and obj/ (its folder's time changes).
        string other = Path.Combine(_root, "libs", "fatfs");
        Directory.CreateDirectory(Path.Combine(other, "obj"));
        Directory.CreateDirectory(Path.Combine(other, "bin"));
        File.WriteAllText(Path.Combine(other, "obj", "project.assets.json"), "{}");
        Assert.True(Current());
    }

    [Fact]
    public void OutputFoldersAreNotInputs()
    {
        File.SetLastWriteTimeUtc(Path.Combine(_library, "bin", "netstack.dll"), DateTime.UtcNow.AddSeconds(1));
        File.WriteAllText(Path.Combine(_library, "obj", "project.assets.json"), "{}");
        Assert.True(Current());
    }

    [Fact]
    public void OtherSettingsOtherProjectsOrAMissingAssemblyMakeTheProjectsBuild()
    {
        Assert.False(Current(key: "Release|minimal"));
        Assert.False(Current(projects: [Project, Path.Combine(_root, "libs", "sockets", "sockets.csproj")]));
        File.Delete(_assembly);
        Assert.False(Current());
    }

    [Fact]
    public void AProjectOutsideTheLibraryFoldersMakesTheProjectsBuild()
    {
        string own = Path.Combine(_root, "app", "Helpers", "Helpers.csproj");
        ReferenceCache loaded = ReferenceCache.Load(_cacheFile)!;
        var cache = loaded with { Projects = [Project, own] };
        cache.Save(_cacheFile);
        Assert.False(cache.IsCurrent(_cacheFile, "Debug|minimal", [Project, own], [Path.Combine(_root, "libs")], [_props]));
    }

    [Fact]
    public void AnUnreadableCacheIsNoCache()
    {
        File.WriteAllText(_cacheFile, "{ \"Key\": ");
        Assert.Null(ReferenceCache.Load(_cacheFile));
        Assert.Null(ReferenceCache.Load(Path.Combine(_root, "none.json")));
    }
}
