using System.Collections.Generic;
using Unikraft.Build.Catalog;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Yaml;

/// <summary>Reads typed fields out of parsed YAML for one file, reporting every shape problem
/// against that file's path instead of throwing, so one run lists all of them.</summary>
public sealed class YamlSchemaReader
{
    private readonly DiagnosticBag _diagnostics;

    public YamlSchemaReader(string path, DiagnosticBag diagnostics)
    {
        Path = path;
        _diagnostics = diagnostics;
    }

    public string Path { get; }

    public void Error(int line, string message) => _diagnostics.Add(Path, line, message);

    public YamlMapping? ExpectMapping(YamlNode node, string what)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        // An empty value ("options:" with nothing under it) is an empty mapping, not an error.
        if (node is YamlScalar { IsNull: true })
        {
            return new YamlMapping(new List<YamlEntry>(), node.Line);
        }

        Error(node.Line, $"{what} must be a mapping, got {node.KindName}");
        return null;
    }

    /// <summary>Reports keys outside <paramref name="allowed"/>, with the closest allowed key as a hint.</summary>
    public void RejectUnknownKeys(YamlMapping mapping, IReadOnlyList<string> allowed, string context)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!ContainsOrdinal(allowed, entry.Key.Value))
            {
                var hint = NameHints.DidYouMean(entry.Key.Value, allowed);
                Error(entry.Key.Line, $"unknown key '{entry.Key.Value}' in {context}{hint}; allowed keys: {string.Join(", ", allowed)}");
            }
        }
    }

    public YamlNode? Required(YamlMapping mapping, string key, string context)
    {
        var entry = mapping.Find(key);
        if (entry is null)
        {
            Error(mapping.Line, $"missing required key '{key}' in {context}");
            return null;
        }

        return entry.Value;
    }

    public static YamlNode? Optional(YamlMapping mapping, string key) => mapping.Find(key)?.Value;

    /// <summary>A non-empty scalar, or null after reporting why not.</summary>
    public string? ReadString(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalar scalar)
        {
            Error(node.Line, $"{what} must be a string, got {node.KindName}");
            return null;
        }

        if (scalar.IsNull)
        {
            Error(node.Line, $"{what} must not be empty");
            return null;
        }

        return scalar.Value;
    }

    /// <summary>A list of names: a flow or block sequence of scalars; an empty value is an empty list.</summary>
    public List<NameReference> ReadNameList(YamlNode? node, string what)
    {
        var result = new List<NameReference>();
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return result;
        }

        if (node is not YamlSequence sequence)
        {
            Error(node.Line, $"{what} must be a list (e.g. [a, b]), got {node.KindName}");
            return result;
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar)
            {
                result.Add(new NameReference(scalar.Value, scalar.Line));
            }
            else
            {
                Error(item.Line, $"each entry of {what} must be a name, got {(item is YamlScalar ? "an empty value" : item.KindName)}");
            }
        }

        return result;
    }

    private static bool ContainsOrdinal(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }
}
