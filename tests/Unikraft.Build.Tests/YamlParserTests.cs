using Unikraft.Build.Yaml;

namespace Unikraft.Build.Tests;

public sealed class YamlParserTests
{
    [Fact]
    public void BlockMappingKeepsKeyAndValueLines()
    {
        var root = Assert.IsType<YamlMapping>(YamlParser.Parse("# header\n\nname: hello\nplatform: pc-x86_64   # trailing\n"));

        Assert.Equal(3, root.Line);
        Assert.Equal(2, root.Entries.Count);
        var name = root.Entries[0];
        Assert.Equal("name", name.Key.Value);
        Assert.Equal(3, name.Key.Line);
        Assert.Equal("hello", Assert.IsType<YamlScalar>(name.Value).Value);
        var platform = Assert.IsType<YamlScalar>(root.Find("platform")!.Value);
        Assert.Equal("pc-x86_64", platform.Value);
        Assert.Equal(4, platform.Line);
    }

    [Fact]
    public void NestedMappingsAndBlockSequences()
    {
        const string text = """
            options:
              uart16550.port: 0x2F8
              nested:
                deep: yes
            libraries:
              - uart16550
              - vgacons
            same-indent:
            - a
            - b
            last: x
            """;
        var root = Assert.IsType<YamlMapping>(YamlParser.Parse(text));

        var options = Assert.IsType<YamlMapping>(root.Find("options")!.Value);
        Assert.Equal("0x2F8", ((YamlScalar)options.Find("uart16550.port")!.Value).Value);
        var nested = Assert.IsType<YamlMapping>(options.Find("nested")!.Value);
        Assert.Equal(4, nested.Find("deep")!.Value.Line);
        var libraries = Assert.IsType<YamlSequence>(root.Find("libraries")!.Value);
        Assert.Equal(new[] { "uart16550", "vgacons" }, Values(libraries));
        Assert.Equal(7, libraries.Items[1].Line);
        Assert.Equal(new[] { "a", "b" }, Values(Assert.IsType<YamlSequence>(root.Find("same-indent")!.Value)));
        Assert.Equal("x", ((YamlScalar)root.Find("last")!.Value).Value);
    }

    [Fact]
    public void SequenceOfMappings()
    {
        var root = Assert.IsType<YamlSequence>(YamlParser.Parse("- name: a\n  value: 1\n-   name: b\n    value: 2\n- plain\n"));

        Assert.Equal(3, root.Items.Count);
        var second = Assert.IsType<YamlMapping>(root.Items[1]);
        Assert.Equal("b", ((YamlScalar)second.Find("name")!.Value).Value);
        Assert.Equal(4, second.Find("value")!.Value.Line);
        Assert.Equal("plain", ((YamlScalar)root.Items[2]).Value);
    }

    [Fact]
    public void FlowSequencesWithQuotedAndNestedItems()
    {
        var root = Assert.IsType<YamlMapping>(YamlParser.Parse("a: [x, 'y, z', \"w]\", [1, 2]]\nb: []\nc: [ one ,two, ]\n"));

        var a = Assert.IsType<YamlSequence>(root.Find("a")!.Value);
        Assert.Equal(4, a.Items.Count);
        Assert.Equal("y, z", ((YamlScalar)a.Items[1]).Value);
        Assert.True(((YamlScalar)a.Items[1]).IsQuoted);
        Assert.Equal("w]", ((YamlScalar)a.Items[2]).Value);
        Assert.Equal(new[] { "1", "2" }, Values(Assert.IsType<YamlSequence>(a.Items[3])));
        Assert.Empty(Assert.IsType<YamlSequence>(root.Find("b")!.Value).Items);
        Assert.Equal(new[] { "one", "two" }, Values(Assert.IsType<YamlSequence>(root.Find("c")!.Value)));
    }

    [Fact]
    public void QuotedScalarsAndComments()
    {
        const string text = """
            single: 'it''s # not a comment'
            double: "tab\there \"q\" \u00e9 # kept" # comment
            plain: it's a#b
            url: http://example.com:80/x
            empty:
            tilde: ~
            "quoted key": v
            """;
        var root = Assert.IsType<YamlMapping>(YamlParser.Parse(text));

        Assert.Equal("it's # not a comment", Scalar(root, "single").Value);
        Assert.Equal("tab\there \"q\" \u00e9 # kept", Scalar(root, "double").Value);
        Assert.Equal("it's a#b", Scalar(root, "plain").Value);
        Assert.Equal("http://example.com:80/x", Scalar(root, "url").Value);
        Assert.True(Scalar(root, "empty").IsNull);
        Assert.True(Scalar(root, "tilde").IsNull);
        Assert.Equal("v", Scalar(root, "quoted key").Value);
        Assert.False(Scalar(root, "plain").IsQuoted);
    }

    [Fact]
    public void TabMaySeparateKeyAndValue()
    {
        var root = Assert.IsType<YamlMapping>(YamlParser.Parse("key:\tvalue\n"));

        Assert.Equal("value", Scalar(root, "key").Value);
    }

    [Fact]
    public void EmptyDocumentIsAnEmptyMappingAndLeadingMarkerIsAllowed()
    {
        Assert.Empty(Assert.IsType<YamlMapping>(YamlParser.Parse("# nothing\n\n")).Entries);
        Assert.Single(Assert.IsType<YamlMapping>(YamlParser.Parse("---\na: b\n")).Entries);
    }

    [Theory]
    [InlineData("a: b\n\tc: d\n", 2, "tab character in indentation")]
    [InlineData("a: {b: c}\n", 1, "flow mappings")]
    [InlineData("a: &anchor b\n", 1, "anchors")]
    [InlineData("a: *alias\n", 1, "aliases")]
    [InlineData("a: b\n---\nc: d\n", 2, "multiple documents")]
    [InlineData("a: b\n  c: d\n", 2, "bad indentation")]
    [InlineData("a:\n    b: 1\n  c: 2\n", 3, "bad indentation")]
    [InlineData("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a' (first defined at line 1)")]
    [InlineData("a: \"open\n", 1, "unterminated double-quoted string")]
    [InlineData("a: 'open\n", 1, "unterminated single-quoted string")]
    [InlineData("a: [x, y\n", 1, "unterminated flow sequence")]
    [InlineData("a: |\n  text\n", 1, "block scalars")]
    [InlineData("a: b: c\n", 1, "nested mapping must start on its own line")]
    [InlineData("a: 1\n- b\n", 2, "found a sequence item")]
    [InlineData("- a\nb: 1\n", 2, "does not belong")]
    [InlineData("a: \"x\" y\n", 1, "unexpected text after quoted string")]
    [InlineData("a: \"\\q\"\n", 1, "unknown escape sequence")]
    [InlineData("just text\nmore: 1\n", 2, "does not belong")]
    public void SyntaxErrorsCarryTheirLine(string text, int line, string message)
    {
        var error = Assert.Throws<YamlException>(() => YamlParser.Parse(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static YamlScalar Scalar(YamlMapping mapping, string key) => Assert.IsType<YamlScalar>(mapping.Find(key)!.Value);

    private static string[] Values(YamlSequence sequence)
    {
        var result = new List<string>();
        foreach (var item in sequence.Items)
        {
            result.Add(Assert.IsType<YamlScalar>(item).Value);
        }

        return result.ToArray();
    }
}
