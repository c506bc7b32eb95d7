using System.Linq;
using Microsoft.Build.Framework;
using Unikraft.Build.Incremental;

namespace Unikraft.Build.Tasks;

/// <summary>Writes what the image's library projects built (ResolveProjectReferences' items,
/// with their metadata) for <see cref="ReuseBuiltReferences"/> in the next build.</summary>
public sealed class RecordBuiltReferences : UnikernelTask
{
    [Required]
    public string CacheFile { get; set; } = "";

    [Required]
    public ITaskItem[] Projects { get; set; } = [];

    [Required]
    public string Key { get; set; } = "";

    public ITaskItem[] References { get; set; } = [];

    /// <summary>The folders ReuseBuiltReferences scans: their file list is recorded.</summary>
    public ITaskItem[] InputFolders { get; set; } = [];

    public override bool Execute()
    {
        var cache = new ReferenceCache(
            BuiltReferences.Key(BuildEngine, Key),
            BuiltReferences.Paths(Projects).ToArray(),
            References.Select(item => new BuiltReference(item.GetMetadata("FullPath"), BuiltReferences.Metadata(item))).ToArray(),
            ReferenceCache.Scan(BuiltReferences.Paths(InputFolders)).Fingerprint);
        cache.Save(CacheFile);
        return true;
    }
}
