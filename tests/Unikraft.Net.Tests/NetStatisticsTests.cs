using System.Text;
using Uk.Net;

namespace Unikraft.Net.Tests;

public class NetStatisticsTests
{
    [Fact]
    public void EveryCounterHasTheKebabCaseNameOfItsEnumMember()
    {
        NetCounter[] counters = Enum.GetValues<NetCounter>();
        Assert.Equal(counters.Length, NetStatistics.Count);
        foreach (NetCounter counter in counters)
        {
            var expected = new StringBuilder();
            foreach (char c in counter.ToString())
            {
                if (char.IsUpper(c) && expected.Length > 0)
                    expected.Append('-');
                expected.Append(char.ToLowerInvariant(c));
            }
            Assert.Equal(expected.ToString(), NetStatistics.NameOf(counter));
        }
    }

    [Fact]
    public void RenderListsCountersAsNameValueLines()
    {
        var stack = TestStack.Create(out _);
        stack.ReceiveFrame(new byte[3], false, 0);
        string all = stack.Statistics.Render();
        Assert.Equal(NetStatistics.Count, all.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("drop-ethernet-short 1\n", all);
        string busy = stack.Statistics.Render(nonZeroOnly: true);
        Assert.DoesNotContain("drop-udp-no-port", busy);
        Assert.Contains("frames-received 2\n", busy); // the ARP reply TestStack fed in, and this one
    }
}
