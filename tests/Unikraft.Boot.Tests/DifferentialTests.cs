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
        { "bcl-exceptions-preempt", "bcl-exceptions" },
        { "bcl-collector", "bcl-collector" },
        { "bcl-collector-preempt", "bcl-collector" },
        { "bcl-threads", "bcl-threads" },
        { "bcl-threads-preempt", "bcl-threads" },
        { "typesafety-dotnet", "typesafety" },
        { "bcl-nuget", "bcl-nuget" },
        { "bcl-crypto", "bcl-crypto" },
        { "bcl-finalizers", "bcl-finalizers" },
        { "bcl-finalizers-preempt", "bcl-finalizers" },
        { "bcl-files", "bcl-files" },
        { "bcl-files-preempt", "bcl-files" },
        { "bcl-corpus", "bcl-corpus" },
        { "bcl-corpus-preempt", "bcl-corpus" },
    };

    // Programs that need a network device (virtio-net on QEMU's user network); they talk to
    // themselves over the guest's loopback interface, as their host twin does over Linux's.
    public static TheoryData<string, string> NetworkPrograms => new()
    {
        { "bcl-sockets", "bcl-sockets" },
        { "bcl-sockets-preempt", "bcl-sockets" },
    };

    // Where NativeAOT itself (PublishAot, checked on this machine) prints differently from the
    // host's JIT runtime, which the host run uses: an image on .NET's CoreLib must print
    // NativeAOT's text. The messages name no types because NativeAOT keeps no metadata for them.
    private static readonly (Regex Jit, string NativeAot)[] NativeAotMessages =
    [
        (new Regex(@"The type initializer for '[^']*' threw an exception\."), "A type initializer threw an exception. To determine which type, inspect the InnerException's StackTrace property."),
        (new Regex(@"Unable to cast object of type '[^']*' to type '[^']*'\."), "Specified cast is not valid."),
    ];

    [Theory]
    [MemberData(nameof(Programs))]
    public void GuestPrintsWhatHostDotnetPrints(string name, string program)
    {
        string directory = "tests/apps/" + name;
        BuiltImage image = Images.Differential(directory, name);
        HostProcessResult host = HostTwin.Run("tests/apps/" + program, program);
        Assert.True(host.ExitCode == 0, "host run failed:\n" + host.Output);
        HostProcessResult guest = Qemu.BootElf(image.Elf, memoryMiB: 64, timeoutSeconds: 120);
        AssertSameOutput(host, guest, image);
    }

    [Theory]
    [MemberData(nameof(NetworkPrograms))]
    public void GuestOnTheNetworkPrintsWhatHostDotnetPrints(string name, string program)
    {
        BuiltImage image = Images.Differential("tests/apps/" + name, name);
        HostProcessResult host = HostTwin.Run("tests/apps/" + program, program);
        Assert.True(host.ExitCode == 0, "host run failed:\n" + host.Output);
        HostProcessResult guest = Qemu.BootElfWith(image.Elf, null, ["-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0"], memoryMiB: 64);
        AssertSameOutput(host, guest, image);
    }

    // HttpClient against a server on the host, which each run reaches at its own address.
    [Fact]
    public void HttpClientInTheGuestGetsWhatHostDotnetGets()
    {
        BuiltImage image = Images.Differential("tests/apps/bcl-http", "bcl-http");
        using var server = new HostHttpServer();
        HostProcessResult host = HostTwin.Run("tests/apps/bcl-http", "bcl-http", arguments: [server.HostAddress]);
        Assert.True(host.ExitCode == 0, "host run failed:\n" + host.Output);
        HostProcessResult guest = Qemu.BootElfWith(image.Elf, "-- " + server.GuestAddress, ["-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0"], memoryMiB: 64);
        AssertSameOutput(host, guest, image);
    }

    private static void AssertSameOutput(HostProcessResult host, HostProcessResult guest, BuiltImage image)
    {
        Assert.False(guest.TimedOut, guest.Output);

        bool onDotnetLibrary = image.Elf.Contains("/bin/dotnet/");
        List<string> expected = ProgramLines(host.Lines).Select(line => onDotnetLibrary ? AsNativeAotPrints(line) : line).ToList();
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

    private static string AsNativeAotPrints(string line)
    {
        foreach ((Regex jit, string nativeAot) in NativeAotMessages)
            line = jit.Replace(line, nativeAot);
        return line;
    }

    // The kernel's own log lines ("[ info] ...") are not the program's output.
    private static List<string> ProgramLines(IEnumerable<string> lines) =>
        lines.Where(line => line.Length > 0 && !KernelLogLine().IsMatch(line)).ToList();

    [GeneratedRegex(@"^\[(debug| info| warn|error)\] ")]
    private static partial Regex KernelLogLine();
}
