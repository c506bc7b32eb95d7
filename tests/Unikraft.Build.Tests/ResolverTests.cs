using Unikraft.Build.Options;
using Unikraft.Build.Resolution;

namespace Unikraft.Build.Tests;

public sealed class ResolverTests : IDisposable
{
    private readonly TestCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void CoreThenPlatformThenListedInDependencyOrder()
    {
        var image = _catalog.ResolveValid("name: hello\nplatform: pc-x86_64\nlibraries: [ukdebug, uart16550, vgacons, ukalloc]\n");

        Assert.Equal(new[] { "core", "pc-x86_64", "vgacons", "ukalloc", "uart16550", "ukdebug" }, Names(image));
    }

    [Fact]
    public void IndependentLibrariesKeepManifestOrder()
    {
        var image = _catalog.ResolveValid("name: hello\nplatform: pc-x86_64\nlibraries:\n  - vgacons\n  - tlsf\n");

        Assert.Equal(new[] { "core", "pc-x86_64", "vgacons", "tlsf" }, Names(image));
    }

    [Fact]
    public void DependencyCycleIsReported()
    {
        _catalog.AddLibrary("libs", "ping", "name: ping\ndescription: x\nkind: library\nrequires: [pong]\n");
        _catalog.AddLibrary("libs", "pong", "name: pong\ndescription: x\nkind: library\nrequires: [ping]\n");

        Assert.Null(_catalog.Resolve("name: hello\nplatform: pc-x86_64\nlibraries: [vgacons, ping, pong]\n", out var errors));
        Assert.Equal(new[] { $"{TestCatalog.ManifestPath}:3: error: dependency cycle among: ping, pong" }, errors);
    }

    [Fact]
    public void OptionsAreConfiguredValuesOrDefaultsInDeclarationOrder()
    {
        const string manifest = """
            name: hello
            platform: pc-x86_64
            libraries: [uart16550, ukalloc]
            options:
              uart16550.buffer-size: 2M
              uart16550.echo: true
            memory: 16M
            cmdline: "a b"
            """;
        var image = _catalog.ResolveValid(manifest);

        var options = image.Options;
        Assert.Equal(new[] { "uart16550.port", "uart16550.parity", "uart16550.buffer-size", "uart16550.echo", "uart16550.banner" },
            Qualified(options));
        Assert.False(options[0].IsConfigured);
        Assert.Equal(0x3F8, options[0].Value.Number);
        Assert.True(options[2].IsConfigured);
        Assert.Equal(new OptionValue(OptionType.Size, 2097152, false, "", false), options[2].Value);
        Assert.True(options[3].Value.Boolean);
        Assert.Equal(16L * 1024 * 1024, image.Manifest.Memory);
        Assert.Equal("a b", image.Manifest.Cmdline);
    }

    [Fact]
    public void MemoryDefaultsWhenNotGiven()
    {
        var image = _catalog.ResolveValid("name: hello\nplatform: pc-x86_64\nlibraries: []\n");

        Assert.Equal(64L * 1024 * 1024, image.Manifest.Memory);
        Assert.Equal("", image.Manifest.Cmdline);
    }

    private static string[] Names(ResolvedImage image)
    {
        var result = new List<string>();
        foreach (var library in image.Libraries)
        {
            result.Add(library.Name);
        }

        return result.ToArray();
    }

    private static string[] Qualified(IReadOnlyList<ResolvedOption> options)
    {
        var result = new List<string>();
        foreach (var option in options)
        {
            result.Add(option.QualifiedName);
        }

        return result.ToArray();
    }
}
