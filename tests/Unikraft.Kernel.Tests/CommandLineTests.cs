using Uk.Core;

namespace Unikraft.Kernel.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("  a   b ", new[] { "a", "b" })]
    [InlineData("x=1 -- y", new[] { "x=1", "--", "y" })]
    public void SplitsOnSpaces(string text, string[] expected)
    {
        Assert.Equal(expected, CommandLine.Split(text));
    }

    [Fact]
    public void DoubleDashSeparatesKernelParametersFromArguments()
    {
        CommandLine.Partition(new[] { "loglevel=debug", "x", "--", "a", "--", "b" }, out string[] parameters, out string[] arguments);

        Assert.Equal(new[] { "loglevel=debug", "x" }, parameters);
        Assert.Equal(new[] { "a", "--", "b" }, arguments);
    }

    [Fact]
    public void WithoutDoubleDashEverythingIsAnArgument()
    {
        CommandLine.Partition(new[] { "a", "b" }, out string[] parameters, out string[] arguments);

        Assert.Empty(parameters);
        Assert.Equal(new[] { "a", "b" }, arguments);
    }
}
