using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Unikraft.Build.Cli;
using Unikraft.Build.Options;

namespace Unikraft.Build.Tasks;

/// <summary>The manifest against the library catalog: which library projects the image
/// references, what the platform assembles and links with, and the generated wiring code
/// (Composition.g.cs, image.json) in <see cref="OutputDirectory"/>.</summary>
public sealed class ResolveUnikernel : UnikernelTask
{
    [Required]
    public string Manifest { get; set; } = "";

    /// <summary>The folder holding kernel/, plat/, libs/ and drivers/.</summary>
    [Required]
    public string LibraryRoot { get; set; } = "";

    /// <summary>Libraries outside the tree (UkLibrary items: folders with a library.yaml, which
    /// packages of libraries add).</summary>
    public ITaskItem[] ExternalLibraries { get; set; } = [];

    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The selected libraries' projects, in init order; metadata Library is the name,
    /// External is true for a library from <see cref="ExternalLibraries"/>.</summary>
    [Output]
    public ITaskItem[] LibraryProjects { get; private set; } = [];

    [Output]
    public ITaskItem[] NasmSources { get; private set; } = [];

    [Output]
    public string LinkerScript { get; private set; } = "";

    /// <summary>The manifest's kernel command line, for the boot loader's entry.</summary>
    [Output]
    public string CommandLine { get; private set; } = "";

    /// <summary>core.unwind-tables: false links the image without ILC's unwind and EH tables.</summary>
    [Output]
    public bool UnwindTables { get; private set; } = true;

    public override bool Execute()
    {
        var external = ExternalLibraries.Select(folder => Path.TrimEndingDirectorySeparator(folder.GetMetadata("FullPath"))).ToArray();
        var image = ResolveCommand.Resolve(Manifest, LibraryRoot, external, OutputDirectory, BuildLog);
        if (image is null)
        {
            return false;
        }

        LibraryProjects = image.Libraries
            .Select(library =>
            {
                var item = new TaskItem(library.ProjectPath);
                item.SetMetadata("Library", library.Name);
                item.SetMetadata("External", external.Contains(Path.TrimEndingDirectorySeparator(library.Directory)) ? "true" : "false");
                return (ITaskItem)item;
            })
            .ToArray();
        NasmSources = image.Platform.Nasm.Select(path => (ITaskItem)new TaskItem(path)).ToArray();
        LinkerScript = image.Platform.LinkerScript ?? "";
        CommandLine = image.Manifest.Cmdline;
        var unwind = image.Options.FirstOrDefault(option => option.QualifiedName == "core.unwind-tables");
        UnwindTables = unwind is null || unwind.Value.Type != OptionType.Bool || unwind.Value.Boolean;
        return !Log.HasLoggedErrors;
    }
}
