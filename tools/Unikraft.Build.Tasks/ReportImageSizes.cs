using System.IO;
using Microsoft.Build.Framework;

namespace Unikraft.Build.Tasks;

/// <summary>The build's last line per image file: its name and size in bytes.</summary>
public sealed class ReportImageSizes : UnikernelTask
{
    [Required]
    public ITaskItem[] Files { get; set; } = [];

    public override bool Execute()
    {
        foreach (var file in Files)
        {
            var info = new FileInfo(file.GetMetadata("FullPath"));
            Log.LogMessage(MessageImportance.High, $"  uk: {info.Name} {info.Length} bytes");
        }

        return true;
    }
}
