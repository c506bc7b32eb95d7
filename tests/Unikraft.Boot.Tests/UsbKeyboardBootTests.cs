namespace Unikraft.Boot.Tests;

// The xhci library: lines typed on QEMU's USB keyboard (usb-kbd on a qemu-xhci controller,
// driven by the monitor's sendkey with no PS/2 keyboard on the machine to take the keys)
// reach Console.ReadLine beside the serial line; a USB device that is not a boot keyboard
// gets one line saying it was skipped.
public sealed class UsbKeyboardBootTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Echo = TimeSpan.FromSeconds(30);

    // Every printable ASCII character, so shift is needed for half of them.
    private static readonly string Printable = new(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).ToArray());

    // A high-speed keyboard (QEMU's default), and a full-speed one (usb_version=1), whose
    // 8-byte control packets the driver learns from its device descriptor; the controller's
    // interrupt as MSI-X (qemu-xhci), MSI and INTx (nec-usb-xhci with msix, msi off), and the
    // event ring polled when xhci.interrupts says so.
    [Theory]
    [InlineData("pc,i8042=off", "qemu-xhci", "usb-kbd", false, "high", "msi-x vector 0x[0-9a-f]{2}")]
    [InlineData("q35,i8042=off", "qemu-xhci", "usb-kbd", false, "high", "msi-x vector 0x[0-9a-f]{2}")]
    [InlineData("pc,i8042=off", "qemu-xhci", "usb-kbd,usb_version=1", false, "full", "msi-x vector 0x[0-9a-f]{2}")]
    [InlineData("pc,i8042=off", "nec-usb-xhci,msix=off", "usb-kbd", false, "high", "msi vector 0x[0-9a-f]{2}")]
    [InlineData("pc,i8042=off", "nec-usb-xhci,msix=off,msi=off", "usb-kbd", false, "high", @"irq \d+")]
    [InlineData("q35,i8042=off", "qemu-xhci", "usb-kbd", true, "high", "polled")]
    public void TypedLinesWithShiftCapsLockAndBackspaceReachReadLine(string machine, string controller, string keyboard, bool polled, string speed, string signal)
    {
        string socket = QemuMonitor.NewSocketPath();
        try
        {
            string[] devices = ["-machine", machine, "-device", controller + ",id=xhci", "-device", keyboard + ",bus=xhci.0"];
            BuiltImage image = polled ? Images.UsbKeyboardPolled : Images.UsbKeyboard;
            using QemuSession guest = QemuSession.BootElf(image.Elf, "", 32, [.. devices, .. QemuMonitor.Arguments(socket)]);
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
            Assert.Equal(["got: Hi, World!", "got: " + Printable, "got: CAPSLock 1"], got);
            string[] said = guest.Lines.Where(line => line.Contains("xhci:", StringComparison.Ordinal)).ToArray();
            Assert.Equal(2, said.Length);
            Assert.Matches(@"^\[ info\] xhci: [0-9a-f:.]+ port \d+: boot keyboard, " + speed + @" speed, slot 1, interface 0, endpoint 0x81$", said[0]);
            Assert.Matches(@"^\[ info\] xhci: [0-9a-f:.]+, xHCI 1\.0, 8 ports, 1 keyboard, " + signal + "$", said[1]);
            Assert.Contains("done", guest.Lines);
        }
        finally
        {
            File.Delete(socket);
        }
    }

    // After UEFI firmware (OVMF, whose own xHCI driver used the controller and the keyboard)
    // and GRUB, on q35 without an 8042.
    [Fact]
    public void TypedLinesReachReadLineAfterUefiFirmwareOnQ35()
    {
        string socket = QemuMonitor.NewSocketPath();
        string vars = Path.Combine(Path.GetTempPath(), "uk-ovmf-vars-" + Guid.NewGuid().ToString("N") + ".fd");
        File.Copy(Qemu.OvmfVars, vars);
        try
        {
            using QemuSession guest = QemuSession.BootIsoUefi(Images.UsbKeyboard.Iso, vars, 128,
                ["-machine", "q35,i8042=off", "-device", "qemu-xhci,id=xhci", "-device", "usb-kbd,bus=xhci.0", .. QemuMonitor.Arguments(socket)]);
            guest.WaitForLine("ready", Boot);
            using QemuMonitor monitor = QemuMonitor.Connect(socket);
            monitor.SendKeys([.. UsTypist.Keys("Hi, Worx"), "backspace", .. UsTypist.Keys("ld!"), "ret"]);
            guest.WaitForLine("got: ", Echo);
            guest.Type("end\n");
            Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(Echo));

            Assert.Equal(["got: Hi, World!"], guest.Lines.Where(line => line.StartsWith("got: ", StringComparison.Ordinal)));
            Assert.Single(guest.Lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\[ info\] xhci: [0-9a-f:.]+, xHCI 1\.0, 8 ports, 1 keyboard, msi-x vector 0x[0-9a-f]{2}$"));
        }
        finally
        {
            File.Delete(socket);
            File.Delete(vars);
        }
    }

    // A tablet is a HID device but no boot keyboard: skipped, said once; nothing is typed by
    // it and the serial line still works.
    [Fact]
    public void AUsbDeviceThatIsNoKeyboardIsSkippedWithOneLine()
    {
        using QemuSession guest = QemuSession.BootElf(Images.UsbKeyboard.Elf, "", 32, "-machine", "pc,i8042=off", "-device", "qemu-xhci,id=xhci", "-device", "usb-tablet,bus=xhci.0");
        guest.WaitForLine("ready", Boot);
        guest.Type("abc\nend\n");
        Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(Echo));

        string[] said = guest.Lines.Where(line => line.Contains("xhci:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, said.Length);
        Assert.Matches(@"^\[ info\] xhci: [0-9a-f:.]+ port \d+: vendor 0x[0-9a-f]{4} product 0x[0-9a-f]{4}: not a boot keyboard; skipped$", said[0]);
        Assert.Matches(@"^\[ info\] xhci: [0-9a-f:.]+, xHCI 1\.0, 8 ports, 0 keyboards, polled$", said[1]);
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
