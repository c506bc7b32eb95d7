namespace Unikraft.Build.Yaml;

public sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isQuoted, int line)
        : base(line)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    public string Value { get; }

    /// <summary>Quoted scalars are always strings; only plain ones can mean "null".</summary>
    public bool IsQuoted { get; }

    public bool IsNull => !IsQuoted && (Value.Length == 0 || Value == "~" || Value == "null");

    public override string KindName => "a scalar";

    public override string ToString() => Value;
}
