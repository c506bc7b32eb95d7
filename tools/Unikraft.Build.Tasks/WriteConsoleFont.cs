using Microsoft.Build.Framework;
using Unikraft.Build.Cli;

namespace Unikraft.Build.Tasks;

/// <summary>fbcons's font: a PSF file as generated C#. A missing font names the Debian package
/// that ships it.</summary>
public sealed class WriteConsoleFont : UnikernelTask
{
    [Required]
    public string Font { get; set; } = "";

    [Required]
    public string OutputFile { get; set; } = "";

    public override bool Execute() => ConsoleFontCommand.Run(Font, OutputFile, BuildLog);
}
