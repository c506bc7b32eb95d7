using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Unikraft.Build.Yaml;

/// <summary>Parses what follows a key or a dash on one line: flow sequences, quoted and plain
/// scalars. Constructs the subset does not support are rejected here with a specific message.</summary>
internal static class YamlInlineParser
{
    public static YamlScalar ParseKey(string text, int line)
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

    public static YamlNode ParseValue(string text, int line)
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
