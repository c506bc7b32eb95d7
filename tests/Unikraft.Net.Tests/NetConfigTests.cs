using Uk.Net;

namespace Unikraft.Net.Tests;

public class NetConfigTests
{
    [Theory]
    [InlineData("dhcp", "", "")]
    [InlineData("", "", "")]
    public void DhcpIsTheDefault(string address, string gateway, string dns)
    {
        Assert.True(NetConfig.TryParse(address, gateway, dns, out NetConfig config, out _));
        Assert.True(config.UseDhcp);
    }

    [Theory]
    [InlineData("10.0.2.20/24", "255.255.255.0")]
    [InlineData("192.168.7.1/16", "255.255.0.0")]
    [InlineData("172.16.0.9/32", "255.255.255.255")]
    [InlineData("10.1.2.3", "255.255.255.0")]
    public void StaticAddressWithPrefix(string address, string mask)
    {
        Assert.True(NetConfig.TryParse(address, "10.0.2.2", "10.0.2.3", out NetConfig config, out string problem), problem);
        Assert.False(config.UseDhcp);
        Assert.Equal(mask, config.Netmask.ToString());
        Assert.Equal("10.0.2.2", config.Gateway.ToString());
        Assert.Equal("10.0.2.3", config.Dns.ToString());
    }

    [Theory]
    [InlineData("10.0.2.300/24", "", "", "address")]
    [InlineData("10.0.2.3/33", "", "", "prefix")]
    [InlineData("10.0.2.3/0", "", "", "prefix")]
    [InlineData("10.0.2.3/x", "", "", "prefix")]
    [InlineData("0.0.0.0/8", "", "", "address")]
    [InlineData("255.255.255.255/32", "", "", "address")]
    [InlineData("10.0.2.3/24", "gw", "", "gateway")]
    [InlineData("10.0.2.3/24", "", "1.2.3", "dns")]
    public void BadValuesAreReportedByName(string address, string gateway, string dns, string named)
    {
        Assert.False(NetConfig.TryParse(address, gateway, dns, out _, out string problem));
        Assert.Contains(named, problem);
    }

    [Fact]
    public void DescribeIsTheBootLine()
    {
        var stack = TestStack.Create(out _);
        Assert.Equal("eth0 10.0.2.15/24 gw 10.0.2.2 (dhcp)", NetConfig.Describe("eth0", stack, "dhcp"));
        stack.Configure(Packets.StackIp, NetConfig.MaskOf(20), default, default);
        Assert.Equal("eth0 10.0.2.15/20 (static)", NetConfig.Describe("eth0", stack, "static"));
    }
}
