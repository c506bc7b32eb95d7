using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Unikraft.Build.Incremental;

namespace Unikraft.Build.Tasks;

/// <summary>The assemblies the image's library projects built last time, when no library
/// source changed since (see <see cref="ReferenceCache"/>); empty when the projects must be
/// built.</summary>
public sealed class ReuseBuiltReferences : ReferenceCacheTask
{
    /// <summary>Single files the libraries' build depends on (shared props, the tasks).</summary>
    public ITaskItem[] InputFiles { get; set; } = [];

    [Output]
    public ITaskItem[] References { get; private set; } = [];

    public override bool Execute()
    {
        ReferenceCache? cache = ReferenceCache.Load(CacheFile);
        if (cache is null || !cache.IsCurrent(CacheFile, BuiltReferences.Key(BuildEngine, Key), BuiltReferences.Paths(Projects),
                BuiltReferences.Paths(InputFolders), BuiltReferences.Paths(InputFiles)))
        {
            return true;
        }

        References = cache.References
            .Select(reference =>
            {
                var item = new TaskItem(reference.Path);
                foreach (var (name, value) in reference.Metadata)
                    item.SetMetadata(name, value);
                return (ITaskItem)item;
            })
            .ToArray();
        Log.LogMessage(MessageImportance.High, "  uk: libraries up to date ({0} assemblies as last built)", References.Length);
        return true;
    }
}
