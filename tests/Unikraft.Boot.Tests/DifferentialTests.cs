using System.Text.RegularExpressions;

namespace Unikraft.Boot.Tests;

// .NET is the reference: each program listed here (tests/apps/<name>) runs in the guest and, with
// the same sources, on host .NET; the two outputs must be identical line by line. typesafety
// runs on the minimal corlib, the bcl-* programs on .NET's own base class library (the dotnet
// library).
public sealed partial class DifferentialTests
{
    // (guest image, program whose sources the host runs): a program may run in several images.
    public static TheoryData<string, string> Programs => new()
    {
        { "typesafety", "typesafety" },
        { "bcl-basics", "bcl-basics" },
        { "bcl-exceptions", "bcl-exceptions" },
        { "bcl-collector", "bcl-collector" },
        { "bcl-threads", "bcl-threads" },
        { "bcl-threads-preempt", "bcl-threads" },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void GuestPrintsWhatHostDotnetPrints(string name, string program)
    {
        string directory = "tests/apps/" + name;
        BuiltImage image = Images.Differential(directory, name);
        ProcessResult host = HostTwin.Run("tests/apps/" + program, program);
        Assert.True(host.ExitCode == 0, "host run failed:\n" + host.Output);
        ProcessResult guest = Qemu.BootElf(image.Elf, memoryMiB: 64, timeoutSeconds: 120);
        Assert.False(guest.TimedOut, guest.Output);

        List<string> expected = ProgramLines(host.Lines);
        List<string> actual = ProgramLines(guest.Lines);
        Assert.True(expected.Count > 0 && expected[^1] == "done", "the host run did not finish:\n" + host.Output);
        for (int i = 0; i < expected.Count; i++)
        {
            string actualLine = i < actual.Count ? actual[i] : "(no more lines)";
            Assert.True(expected[i] == actualLine,
                $"line {i + 1} differs:\n  host:  {expected[i]}\n  guest: {actualLine}\n\nguest output:\n{guest.Output}");
        }
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(Qemu.ExitCodeFor(0), guest.ExitCode);
    }

    // The kernel's own log lines ("[ info] ...") are not the program's output.
    private static List<string> ProgramLines(IEnumerable<string> lines) =>
        lines.Where(line => line.Length > 0 && !KernelLogLine().IsMatch(line)).ToList();

    [GeneratedRegex(@"^\[(debug| info| warn|error)\] ")]
    private static partial Regex KernelLogLine();
}
