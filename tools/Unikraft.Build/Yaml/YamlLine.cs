namespace Unikraft.Build.Yaml;

/// <summary>A non-blank source line with comments removed. Mutable because a sequence item
/// ("- key: value") is re-read as a line indented to where its content starts.</summary>
internal sealed class YamlLine
{
    public YamlLine(int number, int indent, string text)
    {
        Number = number;
        Indent = indent;
        Text = text;
    }

    public int Number { get; }

    public int Indent { get; set; }

    public string Text { get; set; }
}
