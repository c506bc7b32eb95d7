namespace Unikraft.Boot.Tests;

// tests/apps/bcl-console on .NET's own CoreLib: Console.ReadLine, Console.In and the standard
// input stream read what is typed on the serial console. The same text goes to the program
// under host .NET as redirected standard input, and both must print the same lines.
public sealed class BclConsoleInputBootTests
{
    // A line ended by a terminal's Enter (CR), lines ended by LF and by CRLF, UTF-8 text, and
    // four raw bytes.
    private static readonly string[] Typed = ["Ada Lovelace\r", "1 2 3\n4 5\n", "10\r\nend\n", "héllo €\n", "WXYZ"];

    [Fact]
    public void WhatIsTypedOnTheSerialConsoleReachesConsoleInputAsOnHostDotnet()
    {
        HostProcessResult host = HostTwin.Run("tests/apps/bcl-console", "bcl-console", string.Concat(Typed));
        Assert.True(host.ExitCode == 0, host.Output);

        using QemuSession guest = QemuSession.BootElf(Images.BclConsole.Elf, "", memoryMiB: 32);
        guest.WaitForLine("ready", TimeSpan.FromSeconds(60));
        foreach (string text in Typed)
        {
            guest.Type(text);
            Thread.Sleep(200);
        }
        Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(TimeSpan.FromSeconds(60)));

        List<string> expected = host.Lines.Where(line => line.Length > 0).ToList();
        List<string> actual = guest.Lines.Where(line => line.Length > 0 && !line.StartsWith('[')).ToList();
        Assert.Equal("done", expected[^1]);
        Assert.Equal(expected, actual);
    }
}
