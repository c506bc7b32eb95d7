using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Uk.Drivers.FramebufferConsole;
using Unikraft.Fs.Tests;
using Unikraft.Kernel.Tests.FramebufferConsole;

namespace Unikraft.Boot.Tests;

// The PC-like machine, with what a PC has and nothing QEMU adds for tests: q35 under
// UEFI firmware (OVMF; and under SeaBIOS, where GRUB sets a VBE mode), no serial port, no isa-debug-exit, a SATA disk on q35's AHCI
// controller, an Intel 82574L (e1000e) NIC, a USB keyboard on an xHCI controller (and no
// PS/2 controller: i8042=off, as on current PCs) and a VGA adapter. Everything is
// read the way a person would: the screen (screendump, read back glyph by glyph in fbcons's
// font), keys typed on the keyboard (sendkey), an HTTP request from outside, and the machine
// turning itself off (QEMU exits on its own with 0 after ACPI's S5). tests/apps/pc-machine.
public sealed class PcMachineBootTests
{
    private const string FileOnDisk = "written on the host's disk";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void APcShowsItsGreetingTakesATypedLineReadsItsDiskServesHttpAndPowersOff(bool uefi)
    {
        string socket = QemuMonitor.NewSocketPath();
        string vars = Path.Combine(Path.GetTempPath(), "uk-pc-vars-" + Guid.NewGuid().ToString("N") + ".fd");
        string dump = Path.Combine(Path.GetTempPath(), "uk-pc-" + Guid.NewGuid().ToString("N") + ".ppm");
        if (uefi)
            File.Copy(Qemu.OvmfVars, vars);
        string disk = HostTools.MakeImage(16, 16);
        HostTools.CopyBytes(disk, Encoding.ASCII.GetBytes(FileOnDisk + "\n"), "HELLO.TXT");
        int port = LocalPorts.PickFree();
        try
        {
            using QemuSession pc = QemuSession.BootPc(Images.PcMachine.Iso, uefi ? vars : null, 128,
                ["-machine", "q35,i8042=off", "-vga", "std", .. QemuMonitor.Arguments(socket),
                 "-device", "qemu-xhci,id=xhci", "-device", "usb-kbd,bus=xhci.0",
                 "-drive", "file=" + disk + ",if=none,id=d0,format=raw", "-device", "ide-hd,drive=d0,bus=ide.0",
                 "-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-:80", "-device", "e1000e,netdev=n0"]);
            using QemuMonitor monitor = ConnectWhenListening(socket);
            PsfFont font = ConsoleFontFile.Load();

            string[] screen = WaitForScreen(monitor, font, dump, "type a line:", TimeSpan.FromSeconds(180));
            Assert.Contains("pc-machine: no serial port here", screen);
            Assert.Contains(screen, row => row.StartsWith("[ info] xhci: ", StringComparison.Ordinal) && row.Contains(": boot keyboard, ", StringComparison.Ordinal));

            monitor.SendKeys([.. UsTypist.Keys("Hello, PC!"), "ret"]);
            screen = WaitForScreen(monitor, font, dump, "serving on port 80", TimeSpan.FromSeconds(90));
            Assert.Contains("typed: Hello, PC!", screen);
            Assert.Contains("disk: " + FileOnDisk, screen);

            Assert.Equal("typed=Hello, PC!; disk=" + FileOnDisk, Get(port));
            // Main returned: ACPI power-off, and QEMU ends by itself (a reset would reboot).
            Assert.Equal(0, pc.WaitForExit(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            File.Delete(socket);
            File.Delete(vars);
            File.Delete(dump);
            File.Delete(disk);
        }
    }

    private static QemuMonitor ConnectWhenListening(string socket)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(socket) && clock.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(100);
        return QemuMonitor.Connect(socket);
    }

    // The screen's text rows once one of them is the given line.
    private static string[] WaitForScreen(QemuMonitor monitor, PsfFont font, string dumpPath, string line, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string[] rows = [];
        while (clock.Elapsed < timeout)
        {
            File.Delete(dumpPath);
            monitor.Send("screendump " + dumpPath);
            if (File.Exists(dumpPath))
            {
                rows = ScreenText.Read(ScreenDump.Read(dumpPath), font);
                if (rows.Contains(line))
                    return rows;
            }
            Thread.Sleep(1000);
        }
        Assert.Fail("the screen never showed \"" + line + "\"; it shows:\n" + string.Join("\n", rows.Where(r => r.Length > 0)));
        return rows;
    }

    private static string Get(int port)
    {
        using var client = new TcpClient { ReceiveTimeout = 30_000, SendTimeout = 30_000 };
        client.Connect("127.0.0.1", port);
        NetworkStream stream = client.GetStream();
        stream.Write("GET / HTTP/1.1\r\nHost: pc\r\nConnection: close\r\n\r\n"u8);
        using var response = new MemoryStream();
        stream.CopyTo(response);
        string text = Encoding.ASCII.GetString(response.ToArray());
        Assert.StartsWith("HTTP/1.1 200 OK", text);
        return text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
    }
}
