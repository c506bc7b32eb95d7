namespace Unikraft.Build.Yaml;

/// <summary>A parsed YAML node. Every node remembers its 1-based source line so later
/// validation can point at the exact place in the file.</summary>
public abstract class YamlNode
{
    protected YamlNode(int line) => Line = line;

    public int Line { get; }

    /// <summary>A short noun for error messages ("a mapping", "a sequence", "a scalar").</summary>
    public abstract string KindName { get; }
}
