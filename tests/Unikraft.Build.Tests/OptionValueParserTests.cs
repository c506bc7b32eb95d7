using Unikraft.Build.Options;
using Unikraft.Build.Yaml;

namespace Unikraft.Build.Tests;

public sealed class OptionValueParserTests
{
    private static readonly string[] NoValues = Array.Empty<string>();

    [Theory]
    [InlineData("1016", 1016, false)]
    [InlineData("-5", -5, false)]
    [InlineData("0x3F8", 0x3F8, true)]
    [InlineData("0X7fffffff", int.MaxValue, true)]
    public void IntAcceptsDecimalAndHex(string text, int expected, bool hex)
    {
        var value = Parse(OptionType.Int, text, out var error);

        Assert.Null(error);
        Assert.Equal(expected, value!.Number);
        Assert.Equal(hex, value.IsHex);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0x")]
    [InlineData("0xG1")]
    [InlineData("1.5")]
    [InlineData("0x80000000")]
    [InlineData("99999999999")]
    [InlineData("")]
    public void IntRejectsOtherText(string text)
    {
        Assert.Null(Parse(OptionType.Int, text, out var error));
        Assert.Equal($"option 'lib.opt' expects int (decimal or 0x hex), got '{text}'", error);
    }

    [Theory]
    [InlineData("4096", 4096L)]
    [InlineData("4K", 4096L)]
    [InlineData("2M", 2097152L)]
    [InlineData("3G", 3L * 1024 * 1024 * 1024)]
    [InlineData("1k", 1024L)]
    public void SizeUsesPowersOf1024(string text, long expected)
    {
        Assert.Equal(expected, Parse(OptionType.Size, text, out _)!.Number);
    }

    [Theory]
    [InlineData("2MB")]
    [InlineData("M")]
    [InlineData("-1K")]
    [InlineData("99999999999999G")]
    public void SizeRejectsOtherText(string text)
    {
        Assert.Null(Parse(OptionType.Size, text, out var error));
        Assert.Equal($"option 'lib.opt' expects size (bytes with optional K, M or G suffix), got '{text}'", error);
    }

    [Fact]
    public void BoolIsTrueOrFalseOnly()
    {
        Assert.True(Parse(OptionType.Bool, "true", out _)!.Boolean);
        Assert.False(Parse(OptionType.Bool, "false", out _)!.Boolean);
        Assert.Null(Parse(OptionType.Bool, "yes", out var error));
        Assert.Equal("option 'lib.opt' expects bool (true or false), got 'yes'", error);
    }

    [Fact]
    public void EnumListsItsValues()
    {
        var values = new[] { "none", "even", "odd" };

        Assert.Equal("odd", OptionValueParser.Parse("lib.opt", OptionType.Enum, values, new YamlScalar("odd", false, 1), out _)!.Text);
        Assert.Null(OptionValueParser.Parse("lib.opt", OptionType.Enum, values, new YamlScalar("mark", false, 1), out var error));
        Assert.Equal("option 'lib.opt' expects one of: none, even, odd; got 'mark'", error);
    }

    [Fact]
    public void StringTakesAnyScalarButNotASequence()
    {
        Assert.Equal("a b", Parse(OptionType.String, "a b", out _)!.Text);
        Assert.Null(OptionValueParser.Parse("lib.opt", OptionType.String, NoValues, new YamlSequence(new List<YamlNode>(), 1), out var error));
        Assert.Equal("option 'lib.opt' expects string, got a sequence", error);
    }

    private static OptionValue? Parse(OptionType type, string text, out string? error) =>
        OptionValueParser.Parse("lib.opt", type, NoValues, new YamlScalar(text, false, 1), out error);
}
