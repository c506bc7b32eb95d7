namespace Unikraft.Boot.Tests;

// Bad arguments to the server apps (the issue's `port=abc` and `datagrams=x` panicked with a
// FormatException): each prints what is wrong with it and the usage, and the guest exits with
// code 2 without a panic; so does random garbage in every argument.
public sealed class ServerArgumentsBootTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "httpserver", "-- port=abc", "httpserver: 'port=abc': the value is not a whole number" },
        { "httpserver", "-- port=70000", "httpserver: 'port=70000': out of range" },
        { "httpserver", "-- max-connections=", "httpserver: 'max-connections=': the value is not a whole number" },
        { "httpserver", "-- threads=4", "httpserver: unknown argument 'threads=4'" },
        { "httpserver", "-- max-connections-per-peer=0", "httpserver: 'max-connections-per-peer=0': out of range" },
        { "udpecho", "-- datagrams=x", "udpecho: 'datagrams=x': expected name=number" },
        { "udpecho", "-- size-probe=2", "udpecho: 'size-probe=2': unknown or out of range" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadArgumentIsNamedAndExitsWithTwo(string app, string commandLine, string message)
    {
        AssertRefused(app, commandLine, message);
    }

    // Random printable garbage as the value of each argument of each server (as
    // KvStoreArgumentsBootTests does for kvstore); the seed is fixed, so a failure repeats.
    [Fact]
    public void RandomGarbageValuesAreNamedWithoutAPanic()
    {
        var random = new Random(20261207);
        foreach (string name in new[] { "port", "max-connections", "max-connections-per-peer", "head-timeout-ms", "idle-timeout-ms" })
        {
            string argument = name + "=x" + Garbage(random, random.Next(1, 30));
            AssertRefused("httpserver", "-- " + argument, "httpserver: '" + argument + "': the value is not a whole number");
        }
        foreach (string name in new[] { "port", "datagrams", "size-probe" })
        {
            string argument = name + "=x" + Garbage(random, random.Next(1, 30));
            AssertRefused("udpecho", "-- " + argument, "udpecho: '" + argument + "': expected name=number");
        }
    }

    private static void AssertRefused(string app, string commandLine, string message)
    {
        BuiltImage image = app == "httpserver" ? Images.HttpServer : Images.UdpEcho;
        HostProcessResult run = Qemu.BootElf(image.Elf, commandLine, 128);
        Assert.True(run.Lines.Contains(message), "expected '" + message + "':\n" + run.Output);
        Assert.Contains(run.Lines, l => l.StartsWith("usage: " + app + " ", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("PANIC", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(2), run.ExitCode);
    }

    // Printable ASCII without spaces (a space ends a word of the command line).
    private static string Garbage(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x21, 0x7F)).ToArray());
}
