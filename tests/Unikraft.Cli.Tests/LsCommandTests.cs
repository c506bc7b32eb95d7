using System.Text.Json;

namespace Unikraft.Cli.Tests;

public sealed class LsCommandTests
{
    [Fact]
    public void Ls_shows_libraries_and_their_options_with_defaults()
    {
        var ls = Uk.Run(RepositoryRoot.Path, "ls");
        Assert.True(ls.ExitCode == 0, ls.ToString());
        Assert.Matches(@"uart16550\s*│\s*library\s*│\s*console", ls.Output);
        Assert.Matches(@"uart16550\.port\s*│\s*int\s*│\s*0x3F8\s*│\s*I/O port base", ls.Output);
        Assert.Matches(@"core\.loglevel\s*│\s*enum\(debug\|info\|warn\|error\)\s*│\s*info", ls.Output);
    }

    [Fact]
    public void Ls_json_is_the_catalog()
    {
        var ls = Uk.Run(RepositoryRoot.Path, "ls", "--json");
        Assert.True(ls.ExitCode == 0, ls.ToString());
        using var json = JsonDocument.Parse(ls.Output);
        var uart = json.RootElement.GetProperty("libraries").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "uart16550");
        Assert.Contains(uart.GetProperty("options").EnumerateArray(), o => o.GetProperty("name").GetString() == "port");
    }
}
