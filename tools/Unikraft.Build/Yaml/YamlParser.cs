using System.Collections.Generic;

namespace Unikraft.Build.Yaml;

/// <summary>
/// Parses the YAML subset the build's manifests use: block mappings and sequences, flow
/// sequences, plain and quoted scalars, comments. Everything else is rejected with a line
/// number rather than guessed at, so a manifest never means something its author did not see.
/// </summary>
public sealed class YamlParser
{
    private readonly List<YamlLine> _lines;
    private int _position;

    private YamlParser(List<YamlLine> lines)
    {
        _lines = lines;
    }

    /// <summary>Parses a whole document. An empty document is an empty mapping.</summary>
    /// <exception cref="YamlException">On any syntax error or unsupported construct.</exception>
    public static YamlNode Parse(string text)
    {
        var parser = new YamlParser(YamlLexer.ReadLines(text));
        return parser.ParseDocument();
    }

    private YamlNode ParseDocument()
    {
        if (_lines.Count == 0)
        {
            return new YamlMapping(new List<YamlEntry>(), 1);
        }

        var root = ParseBlock(_lines[0].Indent);
        if (_position < _lines.Count)
        {
            throw new YamlException(_lines[_position].Number, "bad indentation: this line does not belong to any block");
        }

        return root;
    }

    private YamlNode ParseBlock(int indent)
    {
        var line = _lines[_position];
        if (IsSequenceItem(line.Text))
        {
            return ParseSequence(indent);
        }

        if (YamlLexer.FindKeyColon(line.Text, line.Number) >= 0)
        {
            return ParseMapping(indent);
        }

        _position++;
        return YamlInlineParser.ParseValue(line.Text, line.Number);
    }

    private YamlSequence ParseSequence(int indent)
    {
        var items = new List<YamlNode>();
        var startLine = _lines[_position].Number;
        while (_position < _lines.Count && _lines[_position].Indent == indent && IsSequenceItem(_lines[_position].Text))
        {
            var line = _lines[_position];
            var rest = line.Text.Substring(1);
            var content = rest.TrimStart(' ');
            if (content.Length == 0)
            {
                _position++;
                items.Add(ParseNestedOrEmpty(indent, line.Number, allowSameIndentSequence: false));
            }
            else
            {
                // Re-read the item's content as if it were a line starting at its own column, so
                // "- key: value" followed by aligned "  other: value" forms one mapping.
                line.Indent = indent + 1 + (rest.Length - content.Length);
                line.Text = content;
                items.Add(ParseBlock(line.Indent));
            }

            RejectDeeperLine(indent);
        }

        return new YamlSequence(items, startLine);
    }

    private YamlMapping ParseMapping(int indent)
    {
        var entries = new List<YamlEntry>();
        var seen = new Dictionary<string, int>();
        var startLine = _lines[_position].Number;
        while (_position < _lines.Count && _lines[_position].Indent == indent)
        {
            var line = _lines[_position];
            if (IsSequenceItem(line.Text))
            {
                throw new YamlException(line.Number, "expected 'key: value' but found a sequence item");
            }

            var colon = YamlLexer.FindKeyColon(line.Text, line.Number);
            if (colon < 0)
            {
                throw new YamlException(line.Number, $"expected 'key: value', got '{line.Text}'");
            }

            var key = YamlInlineParser.ParseKey(line.Text.Substring(0, colon).TrimEnd(), line.Number);
            if (seen.TryGetValue(key.Value, out var firstLine))
            {
                throw new YamlException(line.Number, $"duplicate key '{key.Value}' (first defined at line {firstLine})");
            }

            seen.Add(key.Value, line.Number);
            var rest = line.Text.Substring(colon + 1).Trim();
            _position++;
            var value = rest.Length == 0
                ? ParseNestedOrEmpty(indent, line.Number, allowSameIndentSequence: true)
                : YamlInlineParser.ParseValue(rest, line.Number);
            entries.Add(new YamlEntry(key, value));
            RejectDeeperLine(indent);
        }

        return new YamlMapping(entries, startLine);
    }

    private YamlNode ParseNestedOrEmpty(int indent, int lineNumber, bool allowSameIndentSequence)
    {
        if (_position < _lines.Count)
        {
            var next = _lines[_position];
            if (next.Indent > indent)
            {
                return ParseBlock(next.Indent);
            }

            // YAML lets a mapping's sequence value sit at the key's own indentation.
            if (allowSameIndentSequence && next.Indent == indent && IsSequenceItem(next.Text))
            {
                return ParseSequence(indent);
            }
        }

        return new YamlScalar("", false, lineNumber);
    }

    private void RejectDeeperLine(int indent)
    {
        if (_position < _lines.Count && _lines[_position].Indent > indent)
        {
            throw new YamlException(_lines[_position].Number, "bad indentation: unexpected deeper indentation");
        }
    }

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", System.StringComparison.Ordinal);
}
