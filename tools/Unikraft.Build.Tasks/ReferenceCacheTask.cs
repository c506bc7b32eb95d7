using Microsoft.Build.Framework;

namespace Unikraft.Build.Tasks;

/// <summary>The parameters ReuseBuiltReferences and RecordBuiltReferences share: where the
/// cache is, what it is for, and which folders hold the libraries' sources.</summary>
public abstract class ReferenceCacheTask : UnikernelTask
{
    [Required]
    public string CacheFile { get; set; } = "";

    /// <summary>The projects the image references (as UkResolve saw them).</summary>
    [Required]
    public ITaskItem[] Projects { get; set; } = [];

    /// <summary>The build settings the outputs depend on besides global properties.</summary>
    [Required]
    public string Key { get; set; } = "";

    /// <summary>Folders whose files are the libraries' sources (bin/ and obj/ left out).</summary>
    public ITaskItem[] InputFolders { get; set; } = [];
}
