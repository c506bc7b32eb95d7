using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

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
        return ParseInlineValue(line.Text, line.Number);
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

            var key = ParseKey(line.Text.Substring(0, colon).TrimEnd(), line.Number);
            if (seen.TryGetValue(key.Value, out var firstLine))
            {
                throw new YamlException(line.Number, $"duplicate key '{key.Value}' (first defined at line {firstLine})");
            }

            seen.Add(key.Value, line.Number);
            var rest = line.Text.Substring(colon + 1).Trim();
            _position++;
            var value = rest.Length == 0
                ? ParseNestedOrEmpty(indent, line.Number, allowSameIndentSequence: true)
                : ParseInlineValue(rest, line.Number);
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

    private static YamlScalar ParseKey(string text, int line)
    {
        if (text.Length == 0)
        {
            throw new YamlException(line, "empty mapping key");
        }

        var first = text[0];
        if (first == '"' || first == '\'')
        {
            var index = 0;
            var value = ParseQuoted(text, ref index, line);
            if (index != text.Length)
            {
                throw new YamlException(line, $"unexpected text after quoted key: '{text.Substring(index)}'");
            }

            return new YamlScalar(value, true, line);
        }

        if (first == '[' || first == '{' || first == '?')
        {
            throw new YamlException(line, "complex mapping keys are not supported");
        }

        RejectSpecialStart(text, line);
        return new YamlScalar(text, false, line);
    }

    private static YamlNode ParseInlineValue(string text, int line)
    {
        var first = text[0];
        if (first == '[')
        {
            var index = 0;
            var sequence = ParseFlowSequence(text, ref index, line);
            if (index != text.Length)
            {
                throw new YamlException(line, $"unexpected text after flow sequence: '{text.Substring(index)}'");
            }

            return sequence;
        }

        if (first == '"' || first == '\'')
        {
            var index = 0;
            var value = ParseQuoted(text, ref index, line);
            if (index != text.Length)
            {
                throw new YamlException(line, $"unexpected text after quoted string: '{text.Substring(index).Trim()}'");
            }

            return new YamlScalar(value, true, line);
        }

        RejectSpecialStart(text, line);
        if (YamlLexer.FindKeyColon(text, line) >= 0)
        {
            throw new YamlException(line, "a nested mapping must start on its own line");
        }

        return new YamlScalar(text, false, line);
    }

    private static void RejectSpecialStart(string text, int line)
    {
        switch (text[0])
        {
            case '{':
                throw new YamlException(line, "flow mappings ('{ ... }') are not supported; use a block mapping");
            case '&':
                throw new YamlException(line, "anchors ('&') are not supported");
            case '*':
                throw new YamlException(line, "aliases ('*') are not supported");
            case '!':
                throw new YamlException(line, "tags ('!') are not supported");
            case '|':
            case '>':
                throw new YamlException(line, "block scalars ('|' and '>') are not supported");
            case '@':
            case '`':
                throw new YamlException(line, $"a plain scalar cannot start with '{text[0]}'; quote it");
            case ']':
            case '}':
                throw new YamlException(line, $"unexpected '{text[0]}'");
        }
    }

    private static YamlSequence ParseFlowSequence(string text, ref int index, int line)
    {
        var items = new List<YamlNode>();
        index++;
        while (true)
        {
            SkipSpaces(text, ref index);
            if (index >= text.Length)
            {
                throw new YamlException(line, "unterminated flow sequence; '[' must be closed by ']' on the same line");
            }

            if (text[index] == ']')
            {
                index++;
                return new YamlSequence(items, line);
            }

            items.Add(ParseFlowItem(text, ref index, line));
            SkipSpaces(text, ref index);
            if (index >= text.Length)
            {
                throw new YamlException(line, "unterminated flow sequence; '[' must be closed by ']' on the same line");
            }

            if (text[index] == ',')
            {
                index++;
            }
            else if (text[index] != ']')
            {
                throw new YamlException(line, $"expected ',' or ']' in flow sequence, got '{text[index]}'");
            }
        }
    }

    private static YamlNode ParseFlowItem(string text, ref int index, int line)
    {
        var c = text[index];
        if (c == '[')
        {
            return ParseFlowSequence(text, ref index, line);
        }

        if (c == '"' || c == '\'')
        {
            return new YamlScalar(ParseQuoted(text, ref index, line), true, line);
        }

        if (c == ',')
        {
            throw new YamlException(line, "empty item in flow sequence");
        }

        var start = index;
        while (index < text.Length && text[index] != ',' && text[index] != ']' && text[index] != '[')
        {
            if (text[index] == '{' || text[index] == '}')
            {
                throw new YamlException(line, "flow mappings ('{ ... }') are not supported; use a block mapping");
            }

            index++;
        }

        var value = text.Substring(start, index - start).Trim();
        RejectSpecialStart(value, line);
        if (YamlLexer.FindKeyColon(value, line) >= 0)
        {
            throw new YamlException(line, "mappings inside flow sequences are not supported");
        }

        return new YamlScalar(value, false, line);
    }

    private static void SkipSpaces(string text, ref int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }
    }

    /// <summary>Reads a quoted scalar starting at <paramref name="index"/> and leaves the index
    /// just past the closing quote.</summary>
    private static string ParseQuoted(string text, ref int index, int line)
    {
        var end = YamlLexer.SkipQuoted(text, index, line);
        var body = text.Substring(index + 1, end - index - 1);
        index = end + 1;
        return text[end] == '\'' ? body.Replace("''", "'") : Unescape(body, line);
    }

    private static string Unescape(string body, int line)
    {
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            i++;
            var escape = body[i];
            switch (escape)
            {
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case '/': builder.Append('/'); break;
                case ' ': builder.Append(' '); break;
                case '0': builder.Append('\0'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'e': builder.Append('\u001b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case 'x': builder.Append(ReadHex(body, ref i, 2, line)); break;
                case 'u': builder.Append(ReadHex(body, ref i, 4, line)); break;
                case 'U': builder.Append(ReadHex(body, ref i, 8, line)); break;
                default:
                    throw new YamlException(line, $"unknown escape sequence '\\{escape}' in double-quoted string");
            }
        }

        return builder.ToString();
    }

    private static string ReadHex(string body, ref int i, int digits, int line)
    {
        if (i + digits >= body.Length
            || !int.TryParse(body.AsSpan(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code < 0 || code > 0x10FFFF)
        {
            throw new YamlException(line, $"invalid \\{body[i]} escape in double-quoted string");
        }

        i += digits;
        return char.ConvertFromUtf32(code);
    }
}
