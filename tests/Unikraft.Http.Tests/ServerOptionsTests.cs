using HttpServer;

namespace Unikraft.Http.Tests;

// httpserver's arguments: max-connections-per-peer defaults to half of max-connections and a
// bad value is an error naming it.
public sealed class ServerOptionsTests
{
    [Fact]
    public void DefaultsHoldHalfTheSlotsPerPeer()
    {
        Assert.Null(ServerOptions.TryParse([], out ServerOptions options));
        Assert.Equal(512, options.MaxConnections);
        Assert.Equal(256, options.MaxConnectionsPerPeer);
    }

    [Theory]
    [InlineData("max-connections=20", 20, 10)]
    [InlineData("max-connections=1", 1, 1)]
    [InlineData("max-connections-per-peer=7", 512, 7)]
    [InlineData("max-connections-per-peer=2000", 512, 2000)]
    public void PerPeerFollowsMaxConnectionsUnlessGiven(string argument, int max, int perPeer)
    {
        Assert.Null(ServerOptions.TryParse([argument], out ServerOptions options));
        Assert.Equal(max, options.MaxConnections);
        Assert.Equal(perPeer, options.MaxConnectionsPerPeer);
    }

    [Fact]
    public void GivenBothEachKeepsItsValue()
    {
        Assert.Null(ServerOptions.TryParse(["max-connections-per-peer=40", "max-connections=100"], out ServerOptions options));
        Assert.Equal(100, options.MaxConnections);
        Assert.Equal(40, options.MaxConnectionsPerPeer);
    }

    [Theory]
    [InlineData("max-connections-per-peer=0", "httpserver: 'max-connections-per-peer=0': out of range")]
    [InlineData("max-connections-per-peer=", "httpserver: 'max-connections-per-peer=': the value is not a whole number")]
    [InlineData("max-connections-per-peer=-3", "httpserver: 'max-connections-per-peer=-3': the value is not a whole number")]
    [InlineData("max-connections-per-peer=ten", "httpserver: 'max-connections-per-peer=ten': the value is not a whole number")]
    public void ABadValueIsNamed(string argument, string message)
    {
        string? error = ServerOptions.TryParse([argument], out _);
        Assert.NotNull(error);
        Assert.StartsWith(message + "\n", error);
        Assert.Contains("max-connections-per-peer=", error.Split('\n')[1]);
    }
}
