namespace Unikraft.Boot.Tests;

// Bad arguments to the server apps (the issue's `port=abc` and `datagrams=x` panicked with a
// FormatException): each prints what is wrong with it and the usage, and the guest exits with
// code 2 without a panic.
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
        BuiltImage image = app == "httpserver" ? Images.HttpServer : Images.UdpEcho;
        ProcessResult run = Qemu.BootElf(image.Elf, commandLine, 128);
        Assert.Contains(message, run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("usage: " + app + " "));
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("PANIC"));
        Assert.Equal(Qemu.ExitCodeFor(2), run.ExitCode);
    }
}
