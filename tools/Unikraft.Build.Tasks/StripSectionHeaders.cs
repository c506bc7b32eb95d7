using Microsoft.Build.Framework;
using Unikraft.Build.Cli;

namespace Unikraft.Build.Tasks;

/// <summary>The bootable ELF without its section header table (boot loaders go by the program
/// headers); written only once whole.</summary>
public sealed class StripSectionHeaders : UnikernelTask
{
    [Required]
    public string InputFile { get; set; } = "";

    [Required]
    public string OutputFile { get; set; } = "";

    public override bool Execute() => StripSectionsCommand.Run(InputFile, OutputFile, BuildLog);
}
