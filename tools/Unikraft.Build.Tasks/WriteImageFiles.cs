using System.Linq;
using Microsoft.Build.Framework;
using Unikraft.Build.Cli;

namespace Unikraft.Build.Tasks;

/// <summary>The files a project copies to its output directory, as generated C# that vfscore
/// unpacks into / at boot.</summary>
public sealed class WriteImageFiles : UnikernelTask
{
    /// <summary>The files; metadata ImagePath is each one's path in the image.</summary>
    public ITaskItem[] Files { get; set; } = [];

    [Required]
    public string OutputFile { get; set; } = "";

    public override bool Execute() =>
        ImageFilesCommand.Run(
            Files.Select(file => (file.GetMetadata("ImagePath"), file.GetMetadata("FullPath"))).ToArray(),
            OutputFile,
            BuildLog);
}
