using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Tasks;

/// <summary>What every image build task shares: its log in the build steps' terms.</summary>
public abstract class UnikernelTask : Task
{
    private protected IBuildLog BuildLog => new MSBuildLog(Log);

    private protected static string[] FullPaths(ITaskItem[] items) =>
        items.Select(item => item.GetMetadata("FullPath")).ToArray();
}
