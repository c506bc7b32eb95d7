using System.Collections.Generic;

namespace Unikraft.Build.Yaml;

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>A block mapping. Entries keep source order because generated code and error
/// reports follow the order the author wrote.</summary>
public sealed class YamlMapping : YamlNode
{
    public YamlMapping(IReadOnlyList<YamlEntry> entries, int line)
        : base(line)
    {
        Entries = entries;
    }

    public IReadOnlyList<YamlEntry> Entries { get; }

    public override string KindName => "a mapping";

    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }
}
