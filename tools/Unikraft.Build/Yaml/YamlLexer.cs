using System.Collections.Generic;

namespace Unikraft.Build.Yaml;

/// <summary>Splits a document into indented logical lines and finds the characters that
/// matter (comments, key colons) while skipping over quoted text.</summary>
internal static class YamlLexer
{
    public static List<YamlLine> ReadLines(string text)
    {
        var result = new List<YamlLine>();
        var raw = text.Split('\n');
        var sawDocumentStart = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var number = i + 1;
            var line = raw[i].TrimEnd('\r');
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line[indent] == '\t')
            {
                throw new YamlException(number, "tab character in indentation; indent with spaces");
            }

            var content = StripComment(line.Substring(indent), number).TrimEnd();
            if (content.Length == 0)
            {
                continue;
            }

            if (indent == 0 && (content == "---" || content.StartsWith("--- ", System.StringComparison.Ordinal)))
            {
                // A single leading document marker is harmless; a second one starts another document.
                if (result.Count > 0 || sawDocumentStart || content != "---")
                {
                    throw new YamlException(number, "multiple documents are not supported");
                }

                sawDocumentStart = true;
                continue;
            }

            if (indent == 0 && content == "...")
            {
                throw new YamlException(number, "document end markers ('...') are not supported");
            }

            if (indent == 0 && content[0] == '%')
            {
                throw new YamlException(number, "directives ('%') are not supported");
            }

            result.Add(new YamlLine(number, indent, content));
        }

        return result;
    }

    /// <summary>Index of the ':' that separates a mapping key from its value, or -1.</summary>
    public static int FindKeyColon(string text, int line)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '\'' || c == '"') && IsScalarStart(text, i))
            {
                i = SkipQuoted(text, i, line);
                continue;
            }

            if (c == '[' || c == '{')
            {
                depth++;
            }
            else if ((c == ']' || c == '}') && depth > 0)
            {
                depth--;
            }
            else if (c == ':' && depth == 0 && (i + 1 == text.Length || text[i + 1] == ' ' || text[i + 1] == '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the closing quote of the quoted scalar starting at <paramref name="start"/>.</summary>
    public static int SkipQuoted(string text, int start, int line)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                }
                else
                {
                    return i;
                }
            }
        }

        throw new YamlException(line, $"unterminated {(quote == '"' ? "double" : "single")}-quoted string");
    }

    /// <summary>Quotes only open a quoted scalar where a scalar can begin; an apostrophe inside
    /// plain text ("it's") is just a character.</summary>
    public static bool IsScalarStart(string text, int index)
    {
        var j = index - 1;
        var sawSpace = false;
        while (j >= 0 && text[j] == ' ')
        {
            sawSpace = true;
            j--;
        }

        if (j < 0)
        {
            return true;
        }

        var previous = text[j];
        return previous == '[' || previous == ',' || ((previous == ':' || previous == '-') && sawSpace);
    }

    private static string StripComment(string text, int line)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '\'' || c == '"') && IsScalarStart(text, i))
            {
                i = SkipQuoted(text, i, line);
            }
            else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t'))
            {
                return text.Substring(0, i);
            }
        }

        return text;
    }
}
