using Microsoft.Build.Framework;
using Unikraft.Build.Cli;

namespace Unikraft.Build.Tasks;

/// <summary>Images on .NET's CoreLib: stubs for the System.Native functions nothing serves (they
/// stop the kernel naming the function when reached); any other import that no object
/// defines is an error naming it, instead of an ld error.</summary>
public sealed class WriteUnservedStubs : UnikernelTask
{
    [Required]
    public string ObjectFile { get; set; } = "";

    [Required]
    public ITaskItem[] OtherObjects { get; set; } = [];

    [Required]
    public string OutputFile { get; set; } = "";

    public override bool Execute() =>
        UnservedCommand.Run(ObjectFile, FullPaths(OtherObjects), OutputFile, BuildLog);
}
