namespace Unikraft.Cli.Tests;

// One application made with `uk new demo` in tests/apps/.scratch-*, built once by `uk build`
// and shared by the tests that only read it.
public sealed class BuiltAppFixture : IDisposable
{
    private readonly ScratchDirectory _scratch = ScratchDirectory.InRepository();

    internal UkResult New { get; }
    internal UkResult FirstBuild { get; }
    public string App => _scratch.Combine("demo");

    public BuiltAppFixture()
    {
        New = Uk.Run(RepositoryRoot.Path, "new", "demo", "--output", App);
        FirstBuild = Uk.Run(RepositoryRoot.Path, "build", App);
    }

    public void Dispose() => _scratch.Dispose();
}

// Every test class that reads the built app shares one build.
[CollectionDefinition(Name)]
public sealed class BuiltAppCollection : ICollectionFixture<BuiltAppFixture>
{
    public const string Name = "built app";
}
