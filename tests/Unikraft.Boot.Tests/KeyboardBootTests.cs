namespace Unikraft.Boot.Tests;

// The i8042 library: lines typed on QEMU's emulated PS/2 keyboard (the monitor's sendkey,
// as a person at the machine would type them) reach Console.ReadLine, on the minimal corlib
// with the keyboard on IRQ 1 and on the dotnet library with it polled; the serial line's
// input keeps working beside it; a machine without an 8042 gets one log line saying why.
public sealed class KeyboardBootTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Echo = TimeSpan.FromSeconds(30);

    // Every printable ASCII character, so shift is needed for half of them.
    private static readonly string Printable = new(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).ToArray());

    // On IRQ 1 (the image has apic), and polled when i8042.interrupts says so.
    [Theory]
    [InlineData(false, ", IRQ 1 through the I/O APIC")]
    [InlineData(true, ", polled")]
    public void TypedLinesWithShiftCapsLockAndBackspaceReachReadLineOnTheMinimalCorlib(bool polled, string mode)
    {
        string socket = QemuMonitor.NewSocketPath();
        try
        {
            BuiltImage image = polled ? Images.KeyboardPolled : Images.Keyboard;
            using QemuSession guest = QemuSession.BootElf(image.Elf, "", 32, QemuMonitor.Arguments(socket));
            TypeAndCheckLines(guest, socket, mode);
        }
        finally
        {
            File.Delete(socket);
        }
    }

    // After UEFI firmware (OVMF, whose own PS/2 driver used the controller) and GRUB, on q35.
    [Fact]
    public void TypedLinesReachReadLineAfterUefiFirmwareOnQ35()
    {
        string socket = QemuMonitor.NewSocketPath();
        string vars = Path.Combine(Path.GetTempPath(), "uk-ovmf-vars-" + Guid.NewGuid().ToString("N") + ".fd");
        File.Copy(Qemu.OvmfVars, vars);
        try
        {
            using QemuSession guest = QemuSession.BootIsoUefi(Images.Keyboard.Iso, vars, 128, ["-machine", "q35", .. QemuMonitor.Arguments(socket)]);
            TypeAndCheckLines(guest, socket, ", IRQ 1 through the I/O APIC");
        }
        finally
        {
            File.Delete(socket);
            File.Delete(vars);
        }
    }

    // Three lines typed on the keyboard (backspace, all of printable ASCII, caps lock), echoed
    // by the guest; the serial line's "end" stops it.
    private static void TypeAndCheckLines(QemuSession guest, string socket, string mode)
    {
        guest.WaitForLine("ready", Boot);
        using QemuMonitor monitor = QemuMonitor.Connect(socket);

        monitor.SendKeys([.. UsTypist.Keys("Hi, Worx"), "backspace", .. UsTypist.Keys("ld!"), "ret"]);
        guest.WaitForLine("got: ", Echo);
        monitor.SendKeys([.. UsTypist.Keys(Printable), "ret"]);
        monitor.SendKeys(["caps_lock", .. UsTypist.Keys("caps"), "caps_lock", .. UsTypist.Keys("Lock 1"), "ret"]);
        WaitForLines(guest, "got: ", 3);
        // The serial line feeds the same queue: it ends the program.
        guest.Type("end\n");
        Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(Echo));

        string[] got = guest.Lines.Where(line => line.StartsWith("got: ", StringComparison.Ordinal)).ToArray();
        string[] expected = ["got: Hi, World!", "got: " + Printable, "got: CAPSLock 1"];
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], got[i]);
        Assert.Equal(["[ info] i8042: PS/2 keyboard on the 8042's first port" + mode], guest.Lines.Where(line => line.Contains("i8042:", StringComparison.Ordinal)));
        Assert.Contains("done", guest.Lines);
    }

    // .NET reads the keyboard as redirected standard input: no line editing, so the
    // backspace's DEL stays in the line, as it would under host .NET given the same bytes.
    [Fact]
    public void TypedLinesReachDotnetsReadLineAsTheSameBytesHostDotnetReads()
    {
        HostProcessResult host = HostTwin.Run("tests/apps/keyboard", "keyboard", "Hi, Worx\u007Fld!\n" + Printable + "\nend\n");
        Assert.True(host.ExitCode == 0, host.Output);

        string socket = QemuMonitor.NewSocketPath();
        try
        {
            using QemuSession guest = QemuSession.BootElf(Images.BclKeyboard.Elf, "", 32, QemuMonitor.Arguments(socket));
            guest.WaitForLine("ready", Boot);
            using QemuMonitor monitor = QemuMonitor.Connect(socket);
            monitor.SendKeys([.. UsTypist.Keys("Hi, Worx"), "backspace", .. UsTypist.Keys("ld!"), "ret"]);
            monitor.SendKeys([.. UsTypist.Keys(Printable), "ret"]);
            monitor.SendKeys([.. UsTypist.Keys("end"), "ret"]);
            Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(Echo));

            List<string> expected = host.Lines.Where(line => line.Length > 0).ToList();
            List<string> actual = guest.Lines.Where(line => line.Length > 0 && !line.StartsWith('[')).ToList();
            Assert.Equal("got: Hi, Worx\\x7Fld!", expected[1]);
            Assert.Contains("[ info] i8042: PS/2 keyboard on the 8042's first port, polled", guest.Lines);
            Assert.Equal(expected, actual);
        }
        finally
        {
            File.Delete(socket);
        }
    }

    [Theory]
    [InlineData("pc,i8042=off", "no 8042 controller answers at ports 0x60/0x64")]
    [InlineData("q35,i8042=off", "ACPI's FADT says this machine has no 8042 controller")]
    public void AMachineWithoutAn8042SaysSoOnceAndTheSerialLineStillWorks(string machine, string reason)
    {
        using QemuSession guest = QemuSession.BootElf(Images.Keyboard.Elf, "", 32, "-machine", machine);
        guest.WaitForLine("ready", Boot);
        guest.Type("abc\nend\n");
        Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(Echo));

        string[] said = guest.Lines.Where(line => line.Contains("i8042:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["[ info] i8042: " + reason + "; no keyboard input"], said);
        Assert.Contains("got: abc", guest.Lines);
    }

    private static void WaitForLines(QemuSession guest, string prefix, int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (guest.Lines.Count(line => line.StartsWith(prefix, StringComparison.Ordinal)) < count)
        {
            if (clock.Elapsed > Echo)
                throw new TimeoutException("the guest printed fewer than " + count + " '" + prefix + "' lines:\n" + guest.Output);
            Thread.Sleep(100);
        }
    }
}
