namespace Unikraft.Build.Tests;

/// <summary>Every manifest mistake is reported at the manifest's path and line, with a hint.</summary>
public sealed class ManifestErrorTests : IDisposable
{
    private const string Path = TestCatalog.ManifestPath;
    private readonly TestCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void YamlSyntaxError()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [uart16550\n",
            $"{Path}:3: error: unterminated flow sequence; '[' must be closed by ']' on the same line");
    }

    [Fact]
    public void MissingTopLevelKey()
    {
        AssertErrors("# app\nname: hello\nlibraries: []\n",
            $"{Path}:2: error: missing required key 'platform' in the manifest");
    }

    [Fact]
    public void UnknownTopLevelKeySuggestsTheClosest()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: []\nmemroy: 2M\n",
            $"{Path}:4: error: unknown key 'memroy' in the manifest (did you mean 'memory'?); allowed keys: name, platform, libraries, options, memory, cmdline, env");
    }

    [Fact]
    public void CommandLineLongerThanThePvhLoaderKeeps()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: []\ncmdline: \"" + new string('a', 4096) + "\"\n",
            $"{Path}:4: error: 'cmdline' is 4096 bytes; a kernel command line holds at most 4095 (QEMU's PVH loader overwrites its boot information with a longer one): pass fewer or shorter arguments");
    }

    [Fact]
    public void UnknownPlatformSuggestsAndListsPlatforms()
    {
        AssertErrors("name: hello\nplatform: pc-x86\nlibraries: []\n",
            $"{Path}:2: error: unknown platform 'pc-x86' (did you mean 'pc-x86_64'?); available platforms: pc-x86_64, qemu-arm64");
    }

    [Fact]
    public void LibraryUsedAsPlatform()
    {
        AssertErrors("name: hello\nplatform: vgacons\nlibraries: []\n",
            $"{Path}:2: error: 'vgacons' is not a platform but a library; available platforms: pc-x86_64, qemu-arm64");
    }

    [Fact]
    public void UnknownLibrarySuggestsTheClosest()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [uart1655, vgacons]\n",
            $"{Path}:3: error: unknown library 'uart1655' (did you mean 'uart16550'?)");
    }

    [Fact]
    public void LibraryListedTwice()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries:\n  - vgacons\n  - ukalloc\n  - vgacons\n",
            $"{Path}:6: error: library 'vgacons' is listed twice (first at line 4)");
    }

    [Fact]
    public void PlatformAndCoreLibrariesCannotBeListed()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries:\n  - pc-x86_64\n  - core\n",
            $"{Path}:4: error: 'pc-x86_64' is a platform; select it with 'platform: pc-x86_64' instead of listing it in libraries",
            $"{Path}:5: error: 'core' is a core library, which every image includes; remove it from libraries");
    }

    [Fact]
    public void TwoProvidersOfAnExclusiveApi()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries:\n  - ukalloc\n  - vgacons\n  - tlsf\n",
            $"{Path}:6: error: API 'alloc' allows only one provider, but both 'ukalloc' (line 4) and 'tlsf' (line 6) provide it; remove one of them");
    }

    [Fact]
    public void TwoProvidersOfAManyApiAreAllowed()
    {
        var image = _catalog.ResolveValid("name: hello\nplatform: pc-x86_64\nlibraries: [uart16550, vgacons, ukalloc]\n");

        Assert.Contains(image.Libraries, l => l.Name == "uart16550");
        Assert.Contains(image.Libraries, l => l.Name == "vgacons");
    }

    [Fact]
    public void MissingApiListsTheProvidersToAdd()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [vgacons, uart16550]\n",
            $"{Path}:3: error: 'uart16550' requires API 'alloc' but no listed library provides it; add one of: tlsf, ukalloc");
    }

    [Fact]
    public void MissingLibraryDependency()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries:\n  - ukdebug\n",
            $"{Path}:4: error: 'ukdebug' requires library 'uart16550'; add 'uart16550' to libraries");
    }

    [Fact]
    public void UnknownOptionSuggestsTheClosest()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [uart16550, ukalloc]\noptions:\n  uart16550.prot: 0x2F8\n",
            $"{Path}:5: error: 'uart16550' has no option 'prot' (did you mean 'port'?)");
    }

    [Fact]
    public void UnknownOptionWithoutCloseMatchListsTheOptions()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [uart16550, ukalloc]\noptions:\n  uart16550.speedy: 1\n",
            $"{Path}:5: error: 'uart16550' has no option 'speedy'; its options are: port, parity, buffer-size, echo, banner");
    }

    [Fact]
    public void OptionForALibraryNotInTheImage()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [vgacons]\noptions:\n  uart16550.port: 0x2F8\n",
            $"{Path}:5: error: option 'uart16550.port' is for library 'uart16550', which is not in this image; add 'uart16550' to libraries or remove the option");
    }

    [Fact]
    public void OptionForAnUnknownLibrary()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [vgacons]\noptions:\n  uart1655.port: 1\n",
            $"{Path}:5: error: option 'uart1655.port' is for unknown library 'uart1655' (did you mean 'uart16550'?)");
    }

    [Fact]
    public void IllTypedOptionValue()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [uart16550, ukalloc]\noptions:\n  uart16550.port: abc\n",
            $"{Path}:5: error: option 'uart16550.port' expects int (decimal or 0x hex), got 'abc'");
    }

    [Fact]
    public void EnumValueNotInValues()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [uart16550, ukalloc]\noptions:\n  uart16550.parity: mark\n",
            $"{Path}:5: error: option 'uart16550.parity' expects one of: none, even, odd; got 'mark'");
    }

    [Fact]
    public void MalformedOptionKey()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: [uart16550, ukalloc]\noptions:\n  port: 1\n  uart16550.: 2\n",
            $"{Path}:5: error: malformed option key 'port'; expected '<library>.<option>', e.g. 'uart16550.port'",
            $"{Path}:6: error: malformed option key 'uart16550.'; expected '<library>.<option>', e.g. 'uart16550.port'");
    }

    [Fact]
    public void IllTypedMemory()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: []\nmemory: lots\n",
            $"{Path}:4: error: 'memory' expects a non-zero size (bytes with optional K, M or G suffix), got 'lots'");
    }

    [Fact]
    public void EnvironmentVariableNamesAndValuesAreChecked()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: []\nenv:\n  GOOD: 1\n  9LIVES: x\n  BAD-NAME: y\n  LIST: [a, b]\n",
            $"{Path}:6: error: invalid environment variable name '9LIVES'; use letters, digits and '_', not starting with a digit",
            $"{Path}:7: error: invalid environment variable name 'BAD-NAME'; use letters, digits and '_', not starting with a digit",
            $"{Path}:8: error: environment variable 'LIST' must be a string, got a sequence");
    }

    [Fact]
    public void EnvironmentMustBeAMap()
    {
        AssertErrors("name: hello\nplatform: pc-x86_64\nlibraries: []\nenv: NAME=value\n",
            $"{Path}:4: error: 'env' must be a mapping, got a scalar");
    }

    [Fact]
    public void AllErrorsAreReportedTogether()
    {
        const string manifest = """
            name: hello
            platform: pc-x86_64
            libraries:
              - uart1655
              - vgacons
              - vgacons
            options:
              vgacons.colour: red
              port: 1
            """;

        AssertErrors(manifest,
            $"{Path}:4: error: unknown library 'uart1655' (did you mean 'uart16550'?)",
            $"{Path}:6: error: library 'vgacons' is listed twice (first at line 5)",
            $"{Path}:8: error: 'vgacons' has no option 'colour'; it has no options",
            $"{Path}:9: error: malformed option key 'port'; expected '<library>.<option>', e.g. 'uart16550.port'");
    }

    private void AssertErrors(string manifest, params string[] expected)
    {
        var image = _catalog.Resolve(manifest, out var errors);

        Assert.Null(image);
        Assert.Equal(expected, errors);
    }
}
