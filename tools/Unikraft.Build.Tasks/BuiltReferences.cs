using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;

namespace Unikraft.Build.Tasks;

/// <summary>What ReuseBuiltReferences and RecordBuiltReferences share: the cache's key, which
/// adds the build's global properties (-c, -p:...) to the targets' own, since they reach every
/// library project too.</summary>
internal static class BuiltReferences
{
    // Properties a build sets for itself that say nothing about the libraries' outputs.
    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase) { "MSBuildRestoreSessionId", "CurrentSolutionConfigurationContents" };

    public static string Key(IBuildEngine engine, string key)
    {
        IReadOnlyDictionary<string, string> global = engine is IBuildEngine6 engine6
            ? engine6.GetGlobalProperties()
            : new Dictionary<string, string>();
        return key + "|" + string.Join(";", global
            .Where(property => !Volatile.Contains(property.Key))
            .OrderBy(property => property.Key, StringComparer.OrdinalIgnoreCase)
            .Select(property => property.Key + "=" + property.Value));
    }

    public static IEnumerable<string> Paths(ITaskItem[] items) => items.Select(item => item.GetMetadata("FullPath"));

    public static Dictionary<string, string> Metadata(ITaskItem item)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in item.CloneCustomMetadata())
            metadata[(string)entry.Key] = (string?)entry.Value ?? "";
        return metadata;
    }
}
