namespace Unikraft.Boot.Tests;

// Bad arguments to kvstore (the issue's `fill k abc` panicked with a FormatException) and
// garbage on the kernel command line: every bad value is named with the usage and exit code 2,
// never a panic; kernel parameters nobody reads leave the boot alone, and a very long command
// line boots.
public sealed class KvStoreArgumentsBootTests
{
    private const string Usage = "usage: kvstore [serve [idle=<seconds>] | fill <prefix> <count> | dump]";

    public static TheoryData<string, string> Cases() => new()
    {
        { "fill k abc", "kvstore: fill count 'abc': not a whole number" },
        { "fill k -1", "kvstore: fill count '-1': not a whole number" },
        { "fill k 99999999999999999999", "kvstore: fill count '99999999999999999999': out of range (0 to 10000000)" },
        { "fill k 10000001", "kvstore: fill count '10000001': out of range (0 to 10000000)" },
        { "fill k", "kvstore: fill takes a key prefix and a count" },
        { "fill", "kvstore: fill takes a key prefix and a count" },
        { "fill " + new string('p', 60) + " 3", "kvstore: fill prefix '" + new string('p', 60) + "': 1 to 55 characters" },
        { "dump now", "kvstore: dump takes no arguments, not 'now'" },
        { "serve idle=soon", "kvstore: 'idle=soon': the value is not a whole number of seconds" },
        { "serve idle=12345678901", "kvstore: 'idle=12345678901': out of range (0 to 999999999 seconds)" },
        { "serve port=80", "kvstore: unknown argument 'port=80'" },
        { "get", "kvstore: unknown command 'get'" },
        // The command line is UTF-8: decoded as .NET decodes it, and printed back as UTF-8.
        { "fill \u00ff\u00fe 3", "kvstore: fill prefix '\u00ff\u00fe': printable ASCII only" },
        { "-- --", "kvstore: unknown command '--'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadArgumentIsNamedWithTheUsageAndExitCodeTwo(string arguments, string message)
    {
        HostProcessResult run = Qemu.BootElf(Images.KvStore.Elf, "-- " + arguments, 64);
        AssertRefused(run, message);
    }

    // Random printable garbage in each position of each command; the seed is in the output
    // of a failure.
    [Fact]
    public void RandomGarbageArgumentsAreRefusedWithoutAPanic()
    {
        var random = new Random(20261207);
        for (int round = 0; round < 6; round++)
        {
            string garbage = Garbage(random, random.Next(1, 40));
            (string arguments, string message) = (round % 3) switch
            {
                0 => ("zz" + garbage, "kvstore: unknown command 'zz" + garbage + "'"),
                1 => ("fill k x" + garbage, "kvstore: fill count 'x" + garbage + "': not a whole number"),
                _ => ("serve idle=" + garbage + "s", "kvstore: 'idle=" + garbage + "s': the value is not a whole number of seconds"),
            };
            HostProcessResult run = Qemu.BootElf(Images.KvStore.Elf, "-- " + arguments, 64);
            AssertRefused(run, message);
        }
    }

    // Kernel parameters before "--": garbage is ignored, a bad vfs.fstab is named and the store
    // says what is missing, and 4,000 characters of them still boot.
    [Fact]
    public void GarbageKernelParametersBootOrAreNamed()
    {
        var random = new Random(7);
        string image = Unikraft.Fs.Tests.HostTools.MakeImage(32, 40);
        try
        {
            string noise = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Garbage(random, random.Next(1, 30))));
            HostProcessResult noisy = Qemu.BootElfWith(Images.KvStore.Elf, noise + " \u00e4\u20ac\u0001\u007f net.ip=x vfs.fstabx=1 -- dump", KvStoreGuest.Disk(image), 64);
            Assert.True(noisy.Lines.Contains("dump: 0 keys"), noisy.Output);
            Assert.Equal(Qemu.ExitCodeFor(0), noisy.ExitCode);

            string longLine = string.Join(' ', Enumerable.Range(0, 500).Select(i => "p" + i + "=" + new string('v', 5)))[..4000];
            HostProcessResult longRun = Qemu.BootElfWith(Images.KvStore.Elf, longLine + " -- dump", KvStoreGuest.Disk(image), 64);
            Assert.True(longRun.Lines.Contains("dump: 0 keys"), longRun.Output);

            HostProcessResult badFstab = Qemu.BootElfWith(Images.KvStore.Elf, "vfs.fstab=/=fatfs:vda,garbage -- dump", KvStoreGuest.Disk(image), 64);
            Assert.Contains("[error] vfs: kernel parameter vfs.fstab: fstab entry 'garbage' is not mountpoint=type[:device]; nothing mounted", badFstab.Lines);
            Assert.Contains(badFstab.Lines, line => line.StartsWith("kvstore: cannot open /kv.log: ", StringComparison.Ordinal));
            Assert.DoesNotContain(badFstab.Lines, line => line.StartsWith("PANIC", StringComparison.Ordinal));
            Assert.Equal(Qemu.ExitCodeFor(2), badFstab.ExitCode);
        }
        finally
        {
            File.Delete(image);
        }
    }

    private static void AssertRefused(HostProcessResult run, string message)
    {
        Assert.True(run.Lines.Contains(message), "expected '" + message + "':\n" + run.Output);
        Assert.Contains(Usage, run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("PANIC", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(2), run.ExitCode);
    }

    // Printable ASCII without spaces (a space ends a word of the command line).
    private static string Garbage(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x21, 0x7F)).ToArray());
}
