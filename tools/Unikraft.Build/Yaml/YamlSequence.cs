using System.Collections.Generic;

namespace Unikraft.Build.Yaml;

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(IReadOnlyList<YamlNode> items, int line)
        : base(line)
    {
        Items = items;
    }

    public IReadOnlyList<YamlNode> Items { get; }

    public override string KindName => "a sequence";
}
