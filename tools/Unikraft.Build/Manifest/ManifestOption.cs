using Unikraft.Build.Yaml;

namespace Unikraft.Build.Manifest;

/// <summary>One "library.option: value" line; the value stays raw YAML until the resolver
/// knows the option's type.</summary>
public sealed record ManifestOption(string Key, int Line, YamlNode Value);
