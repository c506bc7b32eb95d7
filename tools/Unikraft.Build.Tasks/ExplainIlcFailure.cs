using Microsoft.Build.Framework;
using Unikraft.Build.Cli;

namespace Unikraft.Build.Tasks;

/// <summary>ILC's failure (an exception trace in its log) as one error at the source line of the
/// method it could not compile, saying what to change (UK0015, UK0016). Always fails: the
/// build has.</summary>
public sealed class ExplainIlcFailure : UnikernelTask
{
    [Required]
    public string IlcLog { get; set; } = "";

    [Required]
    public ITaskItem[] Assemblies { get; set; } = [];

    [Required]
    public string Manifest { get; set; } = "";

    /// <summary>True when the image is on the minimal corlib (UkBcl=minimal).</summary>
    public bool MinimalCorlib { get; set; }

    public override bool Execute()
    {
        IlcFailureCommand.Run(IlcLog, FullPaths(Assemblies), Manifest, MinimalCorlib, BuildLog);
        return false;
    }
}
