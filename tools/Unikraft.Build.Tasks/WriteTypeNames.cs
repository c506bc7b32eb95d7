using System.Linq;
using Microsoft.Build.Framework;
using Unikraft.Build.Cli;

namespace Unikraft.Build.Tasks;

/// <summary>ILC's object → NASM tables of type names (so the kernel names exception types
/// without reflection metadata) and of function names (symbolised panic stack traces).</summary>
public sealed class WriteTypeNames : UnikernelTask
{
    [Required]
    public string ObjectFile { get; set; } = "";

    /// <summary>The image's assemblies: their names demangle ILC's symbols, their metadata
    /// completes the type names.</summary>
    [Required]
    public ITaskItem[] Assemblies { get; set; } = [];

    [Required]
    public string TypeNamesFile { get; set; } = "";

    [Required]
    public string SymbolsFile { get; set; } = "";

    public override bool Execute() =>
        TypeNamesCommand.Run(
            ObjectFile,
            Assemblies.Select(assembly => assembly.GetMetadata("Filename")).ToArray(),
            TypeNamesFile,
            SymbolsFile,
            FullPaths(Assemblies),
            BuildLog);
}
