using System.Linq;
using Microsoft.Build.Framework;
using Unikraft.Build.Incremental;

namespace Unikraft.Build.Tasks;

/// <summary>Writes what the image's library projects built (ResolveProjectReferences' items,
/// with their metadata) for <see cref="ReuseBuiltReferences"/> in the next build.</summary>
public sealed class RecordBuiltReferences : ReferenceCacheTask
{
    public ITaskItem[] References { get; set; } = [];

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
