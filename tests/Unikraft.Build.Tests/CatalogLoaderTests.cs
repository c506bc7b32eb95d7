using Unikraft.Build.Catalog;
using Unikraft.Build.Options;

namespace Unikraft.Build.Tests;

public sealed class CatalogLoaderTests : IDisposable
{
    private readonly TestCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void LoadsLibrariesInFolderOrder()
    {
        var catalog = _catalog.LoadCatalog(out var errors);

        Assert.Empty(errors);
        Assert.Equal(new[] { "core", "pc-x86_64", "qemu-arm64", "tlsf", "ukalloc", "ukdebug", "uart16550", "vgacons" }, catalog.Names);
        var uart = catalog.Find("uart16550")!;
        Assert.Equal(LibraryKind.Library, uart.Kind);
        Assert.Equal(new InitCall(InitClass.Plat, "Uk.Drivers.Uart16550.Uart16550Library.Initialize", 6), uart.Init);
        Assert.Equal("Uk.Drivers.Uart16550.Uart16550Options", uart.OptionsClass);
        Assert.Equal(0x3F8, uart.FindOption("port")!.Default.Number);
        Assert.Equal(4096, uart.FindOption("buffer-size")!.Default.Number);
        Assert.Equal("BufferSize", uart.FindOption("buffer-size")!.PropertyName);
        Assert.Equal(new[] { "none", "even", "odd" }, uart.FindOption("parity")!.Values);
        Assert.Equal(OptionType.Bool, uart.FindOption("echo")!.Type);
        Assert.Equal(ApiCardinality.One, catalog.FindApi("alloc")!.Cardinality);
        var platform = catalog.Find("pc-x86_64")!;
        Assert.Equal(2, platform.Nasm.Count);
        Assert.EndsWith(Path.Combine("pc-x86_64", "link.ld"), platform.LinkerScript, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(platform.ProjectPath));
    }

    [Fact]
    public void NameMustEqualFolderName()
    {
        var path = _catalog.AddLibrary("libs", "netdev", "name: netdevice\ndescription: x\nkind: library\n");
        _catalog.AddLibrary("libs", "netdevice", "name: netdevice\ndescription: x\nkind: library\n");

        AssertCatalogErrors($"{path}:1: error: library name 'netdevice' must equal its folder name 'netdev'");
    }

    [Fact]
    public void ProjectFileMustExist()
    {
        var path = _catalog.AddLibrary("libs", "lonely", "description: x\nname: lonely\nkind: library\n", withProject: false);

        AssertCatalogErrors($"{path}:2: error: library project 'lonely.csproj' not found in {Path.GetDirectoryName(path)}");
    }

    [Fact]
    public void UnknownKeysWrongTypesAndBadDefaults()
    {
        const string yaml = """
            name: bad
            description: [not, a, string]
            kind: libary
            provide: [console]
            init:
              class: later
              call: NotQualified
            options-class: Uk.Bad.BadOptions
            options:
              port:
                type: int
                default: 0xZZ
                description: d
              mode:
                type: enum
                default: fast
                values: [slow, medium]
                description: d
              flag:
                type: bool
                default: true
                values: [a]
                description: d
              count:
                type: integer
                default: 1
                description: d
            """;
        var path = _catalog.AddLibrary("libs", "bad", yaml);

        AssertCatalogErrors(
            $"{path}:4: error: unknown key 'provide' in library.yaml (did you mean 'provides'?); allowed keys: name, description, kind, provides, requires, apis, init, options-class, options, nasm, linker-script",
            $"{path}:2: error: 'description' must be a string, got a sequence",
            $"{path}:3: error: unknown kind 'libary' (did you mean 'library'?); expected one of: library, platform, core",
            $"{path}:12: error: default of option 'bad.port' expects int (decimal or 0x hex), got '0xZZ'",
            $"{path}:16: error: default of option 'bad.mode' expects one of: slow, medium; got 'fast'",
            $"{path}:22: error: 'values' is only allowed for enum options, but option 'flag' is bool",
            $"{path}:25: error: unknown option type 'integer'; expected one of: int, bool, string, size, enum");
    }

    [Fact]
    public void InitClassAndCallAreChecked()
    {
        var path = _catalog.AddLibrary("libs", "badinit", "name: badinit\ndescription: x\nkind: library\ninit:\n  class: later\n  call: NotQualified\n");

        AssertCatalogErrors(
            $"{path}:5: error: unknown init class 'later' (did you mean 'late'?); expected one of: early, plat, lib, sys, late",
            $"{path}:6: error: 'init.call' must name a static method as Namespace.Type.Method, got 'NotQualified'");
    }

    [Fact]
    public void OptionsNeedAnOptionsClass()
    {
        var path = _catalog.AddLibrary("libs", "noclass", "name: noclass\ndescription: x\nkind: library\noptions:\n  a:\n    type: bool\n    default: true\n    description: d\n");

        AssertCatalogErrors($"{path}:4: error: 'options-class' is required when a library has options");
    }

    [Fact]
    public void ProvidedApiMustBeDefined()
    {
        var path = _catalog.AddLibrary("libs", "blk", "name: blk\ndescription: x\nkind: library\nprovides: [consol, block]\n");

        AssertCatalogErrors(
            $"{path}:4: error: 'blk' provides API 'consol', which no library defines (did you mean 'console'?)",
            $"{path}:4: error: 'blk' provides API 'block', which no library defines");
    }

    [Fact]
    public void RequirementMustBeAnApiOrALibrary()
    {
        var path = _catalog.AddLibrary("libs", "needy", "name: needy\ndescription: x\nkind: library\nrequires:\n  - alloc\n  - vgacon\n");

        AssertCatalogErrors($"{path}:6: error: 'needy' requires 'vgacon', which is neither a defined API nor a library (did you mean 'vgacons'?)");
    }

    [Fact]
    public void PlatformFilesMustExistAndOnlyPlatformsHaveThem()
    {
        var platform = _catalog.AddLibrary("plat", "broken", "name: broken\ndescription: x\nkind: platform\nnasm: [boot.asm]\nlinker-script: missing.ld\n");
        var library = _catalog.AddLibrary("libs", "asmlib", "name: asmlib\ndescription: x\nkind: library\nnasm: [a.asm]\n");
        var directory = Path.GetDirectoryName(platform);

        AssertCatalogErrors(
            $"{platform}:4: error: assembly file 'boot.asm' not found in {directory}",
            $"{platform}:5: error: linker script 'missing.ld' not found in {directory}",
            $"{library}:4: error: 'nasm' is only allowed for platform libraries");
    }

    [Fact]
    public void SyntaxErrorIsReportedWithTheLibraryPath()
    {
        var path = _catalog.AddLibrary("drivers", "broken", "name: broken\ndescription: {x: y}\n");

        AssertCatalogErrors($"{path}:2: error: flow mappings ('{{ ... }}') are not supported; use a block mapping");
    }

    [Fact]
    public void ApiDefinedTwice()
    {
        var path = _catalog.AddLibrary("libs", "alloc2", "name: alloc2\ndescription: x\nkind: library\napis:\n  alloc: many\n");

        AssertCatalogErrors($"{path}:5: error: API 'alloc' is already defined by library 'core'");
    }

    private void AssertCatalogErrors(params string[] expected)
    {
        _catalog.LoadCatalog(out var errors);
        Assert.Equal(expected, errors);
    }
}
