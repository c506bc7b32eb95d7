using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Tests;

public sealed class NameHintsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("uart1655", "uart16550", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    public void EditDistanceIsLevenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, NameHints.EditDistance(a, b));
        Assert.Equal(expected, NameHints.EditDistance(b, a));
    }

    [Fact]
    public void ClosestPicksTheNearestPlausibleName()
    {
        var names = new[] { "vgacons", "uart16550", "ukalloc" };

        Assert.Equal("uart16550", NameHints.Closest("uart1655", names));
        Assert.Equal(" (did you mean 'ukalloc'?)", NameHints.DidYouMean("ukaloc", names));
        Assert.Null(NameHints.Closest("network", names));
        Assert.Equal("", NameHints.DidYouMean("network", names));
    }
}
