using Microsoft.Build.Framework;
using Unikraft.Build.Cli;

namespace Unikraft.Build.Tasks;

/// <summary>On the minimal corlib, a <c>using</c> of a namespace only .NET's base class library
/// has is an error at its line saying how to pick the full library (UK0014).</summary>
public sealed class CheckBaseClassLibraryUse : UnikernelTask
{
    [Required]
    public ITaskItem[] Sources { get; set; } = [];

    /// <summary>The assemblies the image is compiled against.</summary>
    [Required]
    public ITaskItem[] References { get; set; } = [];

    /// <summary>The folder of .NET's reference assemblies, for the namespaces only it has.</summary>
    [Required]
    public string FrameworkDirectory { get; set; } = "";

    [Required]
    public string Manifest { get; set; } = "";

    public override bool Execute() =>
        BclCheckCommand.Run(FullPaths(Sources), FullPaths(References), FrameworkDirectory, Manifest, BuildLog);
}
