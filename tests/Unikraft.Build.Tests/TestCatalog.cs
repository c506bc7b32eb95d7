using Unikraft.Build.Catalog;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Manifest;
using Unikraft.Build.Resolution;

namespace Unikraft.Build.Tests;

/// <summary>A throw-away source tree with a small fake catalog, so tests never depend on the
/// repository's real (and changing) libraries.</summary>
public sealed class TestCatalog : IDisposable
{
    public const string ManifestPath = "apps/hello/unikernel.yaml";

    public TestCatalog(bool withStandardLibraries = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "ukbuild-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (withStandardLibraries)
        {
            AddStandardLibraries();
        }
    }

    public string Root { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }

    /// <summary>Writes <c>folder/name/library.yaml</c> and, unless told not to, its project file.</summary>
    public string AddLibrary(string folder, string name, string yaml, bool withProject = true)
    {
        var directory = Path.Combine(Root, folder, name);
        Directory.CreateDirectory(directory);
        if (withProject)
        {
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), "<Project />");
        }

        var path = Path.Combine(directory, "library.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public string LibraryYamlPath(string folder, string name) => Path.Combine(Root, folder, name, "library.yaml");

    public string WriteManifest(string yaml)
    {
        var path = Path.Combine(Root, "apps", "hello", "unikernel.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    public LibraryCatalog LoadCatalog(out List<string> errors)
    {
        var diagnostics = new DiagnosticBag();
        var catalog = CatalogLoader.Load(Root, diagnostics);
        errors = Strings(diagnostics);
        return catalog;
    }

    /// <summary>Loads and resolves a manifest given as text, reported as <see cref="ManifestPath"/>.</summary>
    public ResolvedImage? Resolve(string manifestYaml, out List<string> errors)
    {
        var diagnostics = new DiagnosticBag();
        var catalog = CatalogLoader.Load(Root, diagnostics);
        Assert.Empty(diagnostics.Items);
        var manifest = ManifestLoader.Parse(ManifestPath, manifestYaml, diagnostics);
        var image = manifest is null ? null : Resolver.Resolve(manifest, catalog, diagnostics);
        errors = Strings(diagnostics);
        return diagnostics.HasErrors ? null : image;
    }

    public ResolvedImage ResolveValid(string manifestYaml)
    {
        var image = Resolve(manifestYaml, out var errors);
        Assert.Empty(errors);
        Assert.NotNull(image);
        return image;
    }

    private static List<string> Strings(DiagnosticBag diagnostics)
    {
        var result = new List<string>();
        foreach (var diagnostic in diagnostics.Items)
        {
            result.Add(diagnostic.ToString());
        }

        return result;
    }

    private void AddStandardLibraries()
    {
        AddLibrary("kernel", "core", """
            name: core
            description: Kernel core
            kind: core
            apis:
              console: many
              alloc: one
            init:
              class: early
              call: Uk.Core.CoreLibrary.Initialize
            """);
        var platform = AddLibrary("plat", "pc-x86_64", """
            name: pc-x86_64
            description: PC with multiboot2
            kind: platform
            nasm: [boot/multiboot2.asm, boot/entry.asm]
            linker-script: link.ld
            init:
              class: plat
              call: Uk.Plat.Pc.PcPlatform.Initialize
            """);
        var platformDirectory = Path.GetDirectoryName(platform)!;
        Directory.CreateDirectory(Path.Combine(platformDirectory, "boot"));
        File.WriteAllText(Path.Combine(platformDirectory, "boot", "multiboot2.asm"), "");
        File.WriteAllText(Path.Combine(platformDirectory, "boot", "entry.asm"), "");
        File.WriteAllText(Path.Combine(platformDirectory, "link.ld"), "");
        var arm = AddLibrary("plat", "qemu-arm64", """
            name: qemu-arm64
            description: QEMU virt board
            kind: platform
            nasm: []
            linker-script: link.ld
            """);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(arm)!, "link.ld"), "");
        AddLibrary("libs", "ukalloc", """
            name: ukalloc
            description: Bump allocator
            kind: library
            provides: [alloc]
            init:
              class: lib
              call: Uk.Alloc.BumpAllocator.Initialize
            """);
        AddLibrary("libs", "tlsf", """
            name: tlsf
            description: TLSF allocator
            kind: library
            provides: [alloc]
            """);
        AddLibrary("libs", "ukdebug", """
            name: ukdebug
            description: Debug helpers that print over the UART
            kind: library
            requires: [uart16550]
            """);
        AddLibrary("drivers", "uart16550", """
            name: uart16550            # must equal the folder name
            description: 16550 UART serial console on COM1
            kind: library
            provides: [console]
            requires: [alloc]
            init:
              class: plat
              call: Uk.Drivers.Uart16550.Uart16550Library.Initialize
            options-class: Uk.Drivers.Uart16550.Uart16550Options
            options:
              port:
                type: int
                default: 0x3F8
                description: I/O port base of the UART
              parity:
                type: enum
                values: [none, even, odd]
                default: none
                description: Parity bit
              buffer-size:
                type: size
                default: 4K
                description: Receive buffer size
              echo:
                type: bool
                default: false
                description: Echo received characters
              banner:
                type: string
                default: "hi"
                description: Printed at start-up
            """);
        AddLibrary("drivers", "vgacons", """
            name: vgacons
            description: VGA text-mode console
            kind: library
            provides: [console]
            init:
              class: plat
              call: Uk.Drivers.VgaCons.VgaConsoleLibrary.Initialize
            """);
    }
}
