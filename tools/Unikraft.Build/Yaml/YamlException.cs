using System;

namespace Unikraft.Build.Yaml;

/// <summary>A syntax error; the parser stops at the first one because the structure after
/// it cannot be trusted.</summary>
public sealed class YamlException : Exception
{
    public YamlException(int line, string message)
        : base(message)
    {
        Line = line;
    }

    public int Line { get; }
}
