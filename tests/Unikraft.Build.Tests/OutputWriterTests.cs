using Unikraft.Build.Generation;

namespace Unikraft.Build.Tests;

public sealed class OutputWriterTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TestCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void WritesOnlyWhenContentChanges()
    {
        var path = Path.Combine(_catalog.Root, "out", "nested", "file.txt");

        Assert.True(OutputWriter.WriteIfChanged(path, "one\n"));
        File.SetLastWriteTimeUtc(path, LongAgo);
        Assert.False(OutputWriter.WriteIfChanged(path, "one\n"));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(path));
        Assert.True(OutputWriter.WriteIfChanged(path, "two\n"));
        Assert.Equal("two\n", File.ReadAllText(path));
    }

    [Fact]
    public void ResolvingAgainTouchesOnlyChangedOutputs()
    {
        var output = Path.Combine(_catalog.Root, "obj", "gen");
        var first = _catalog.ResolveValid("name: hello\nplatform: pc-x86_64\nlibraries: [vgacons]\n");

        Assert.Equal(5, ImageOutputs.Write(output, ImageOutputs.Generate(first, "m")).Count);
        foreach (var file in Directory.GetFiles(output))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        Assert.Empty(ImageOutputs.Write(output, ImageOutputs.Generate(first, "m")));
        var second = _catalog.ResolveValid("name: hello\nplatform: pc-x86_64\nlibraries: [vgacons]\nmemory: 8M\n");
        Assert.Equal(new[] { ImageOutputs.ImageJsonFile, ImageOutputs.ImagePropsFile }, ImageOutputs.Write(output, ImageOutputs.Generate(second, "m")));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(output, ImageOutputs.CompositionFile)));
    }
}
