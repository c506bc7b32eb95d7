using System.Text.RegularExpressions;

namespace Unikraft.Cli.Manifest;

// unikernel.yaml edited as lines, so every comment and blank line stays where it was:
// `libraries` as a flow list ([a, b]) or a block list (- a), `options` as a block mapping.
public sealed partial class ManifestDocument
{
    private readonly List<string> _lines;

    public ManifestDocument(string text)
    {
        _lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        if (_lines.Count > 0 && _lines[^1] == "")
            _lines.RemoveAt(_lines.Count - 1);
    }

    public override string ToString() => string.Join('\n', _lines) + "\n";

    public IReadOnlyList<string> Libraries
    {
        get
        {
            int key = FindKey("libraries");
            if (key < 0)
                return [];
            var (value, _) = SplitComment(AfterColon(_lines[key]));
            if (value.StartsWith('['))
                return ParseFlow(value);
            return BlockItems(key).Select(i => i.Value).ToList();
        }
    }

    public IReadOnlyDictionary<string, string> Options =>
        OptionLines().ToDictionary(o => o.Key, o => o.Value);

    public string? Scalar(string key)
    {
        int line = FindKey(key);
        return line < 0 ? null : Unquote(SplitComment(AfterColon(_lines[line])).Value);
    }

    public void AddLibrary(string name)
    {
        if (Libraries.Contains(name))
            return;
        int key = FindKey("libraries");
        if (key < 0)
        {
            int platform = FindKey("platform");
            _lines.Insert(platform < 0 ? _lines.Count : platform + 1, $"libraries: [{name}]");
            return;
        }
        var (value, comment) = SplitComment(AfterColon(_lines[key]));
        if (value.StartsWith('[') || value.Length == 0 && !BlockItems(key).Any())
        {
            var items = value.Length == 0 ? new List<string>() : ParseFlow(value);
            items.Add(name);
            _lines[key] = $"libraries: [{string.Join(", ", items)}]{comment}";
            return;
        }
        var block = BlockItems(key).ToList();
        var last = block[^1];
        _lines.Insert(last.Line + 1, last.Indent + "- " + name);
    }

    public void RemoveLibrary(string name)
    {
        int key = FindKey("libraries");
        if (key < 0)
            return;
        var (value, comment) = SplitComment(AfterColon(_lines[key]));
        if (value.StartsWith('['))
        {
            var items = ParseFlow(value).Where(i => i != name);
            _lines[key] = $"libraries: [{string.Join(", ", items)}]{comment}";
        }
        else
        {
            foreach (var item in BlockItems(key).Where(i => i.Value == name).Reverse().ToList())
                _lines.RemoveAt(item.Line);
        }
        // Options of a library no longer in the image would be an error.
        foreach (var option in OptionLines().Where(o => o.Key.StartsWith(name + ".", StringComparison.Ordinal)).Reverse().ToList())
            _lines.RemoveAt(option.Line);
    }

    public void SetOption(string qualifiedName, string value)
    {
        var existing = OptionLines().FirstOrDefault(o => o.Key == qualifiedName);
        if (existing.Key is not null)
        {
            _lines[existing.Line] = $"{existing.Indent}{qualifiedName}: {value}{existing.Comment}";
            return;
        }
        int key = FindKey("options");
        if (key < 0)
        {
            int libraries = EndOfKey(FindKey("libraries"));
            int at = libraries < 0 ? _lines.Count : libraries + 1;
            _lines.Insert(at, "options:");
            _lines.Insert(at + 1, $"  {qualifiedName}: {value}");
            return;
        }
        if (AfterColon(_lines[key]).Trim() is "{}")
            _lines[key] = "options:";
        var options = OptionLines().ToList();
        string indent = options.Count > 0 ? options[^1].Indent : "  ";
        int after = options.Count > 0 ? options[^1].Line : key;
        _lines.Insert(after + 1, $"{indent}{qualifiedName}: {value}");
    }

    private int FindKey(string key)
    {
        for (int i = 0; i < _lines.Count; i++)
        {
            if (_lines[i].StartsWith(key + ":", StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    // The last line belonging to a top-level key (its indented or list continuation lines).
    private int EndOfKey(int key)
    {
        if (key < 0)
            return -1;
        int end = key;
        for (int i = key + 1; i < _lines.Count; i++)
        {
            string line = _lines[i];
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#') && !line.StartsWith('-'))
                break;
            if (line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
                end = i;
        }
        return end;
    }

    private IEnumerable<(int Line, string Indent, string Value)> BlockItems(int key)
    {
        for (int i = key + 1; i <= EndOfKey(key); i++)
        {
            var match = BlockItemPattern().Match(_lines[i]);
            if (match.Success)
                yield return (i, match.Groups[1].Value, Unquote(SplitComment(match.Groups[2].Value).Value));
        }
    }

    private IEnumerable<(int Line, string Indent, string Key, string Value, string Comment)> OptionLines()
    {
        int key = FindKey("options");
        if (key < 0)
            yield break;
        for (int i = key + 1; i <= EndOfKey(key); i++)
        {
            var match = OptionLinePattern().Match(_lines[i]);
            if (!match.Success)
                continue;
            var (value, comment) = SplitComment(match.Groups[3].Value);
            yield return (i, match.Groups[1].Value, match.Groups[2].Value, Unquote(value), comment);
        }
    }

    private static string AfterColon(string line) => line[(line.IndexOf(':') + 1)..];

    // "  [a, b]   # note" -> ("[a, b]", "   # note"); a # inside quotes is not a comment.
    private static (string Value, string Comment) SplitComment(string text)
    {
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') { quote = c; continue; }
            if (c == '#' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                int start = i;
                while (start > 0 && char.IsWhiteSpace(text[start - 1]))
                    start--;
                return (text[..start].Trim(), text[start..]);
            }
        }
        return (text.Trim(), "");
    }

    private static List<string> ParseFlow(string value) =>
        value.Trim().TrimStart('[').TrimEnd(']').Split(',').Select(s => Unquote(s.Trim())).Where(s => s.Length > 0).ToList();

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;

    [GeneratedRegex(@"^(\s*)-\s+(.*)$")]
    private static partial Regex BlockItemPattern();

    [GeneratedRegex(@"^(\s+)([A-Za-z0-9_.-]+):(.*)$")]
    private static partial Regex OptionLinePattern();
}
