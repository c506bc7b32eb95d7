using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Uk.Drivers.FramebufferConsole;
using Unikraft.Kernel.Tests.FramebufferConsole;

namespace Unikraft.Boot.Tests;

// fbcons draws on the framebuffer GRUB sets up: VBE under SeaBIOS, GOP under OVMF. QEMU
// has no isa-debug-exit, so the guest stays (halted, or paused by -no-shutdown) with its
// last screen; the screen, read with the monitor's screendump, must equal what the same
// rendering code with the same font draws on the host from the text the guest printed on
// its serial line after fbcons started: every glyph, colour, the cursor and the scroll
// position.
public sealed class FramebufferConsoleBootTests
{
    private const string Greeting = "Hello from C# on a unikernel!";
    private const string PanicLine = "PANIC: unhandled exception: System.InvalidOperationException: fbcons test: the panic shows on the screen";

    // apps/hello's program: the greeting and the boot loader's name on the screen.
    [Theory]
    [InlineData(false, "pc")]
    [InlineData(true, "q35")]
    public void HellosGreetingIsOnTheScreen(bool uefi, string machine)
    {
        string[] rows = AssertScreenShowsTheConsoleText(Images.HelloFbcons, "shutting down", attribute: 0x07, uefi, machine, "std", "1024x768x32");

        Assert.Contains(Greeting, rows);
        Assert.Contains(rows, row => row.StartsWith("boot loader: GRUB", StringComparison.Ordinal));
        Assert.Contains("[ info] exit code 0, shutting down", rows);
    }

    // tests/apps/fbcons-scroll: wrapping, tabs, backspace, more lines than the screen has,
    // white on blue, then a panic. machine and vga: QEMU's machine type and display adapter
    // (std: the Bochs VBE card; vmware: VMware's SVGA II; cirrus: a Cirrus Logic card whose
    // VBE mode has 24-bit pixels); mode: what GRUB set.
    [Theory]
    [InlineData(false, "pc", "std", "1024x768x32")]
    [InlineData(false, "pc", "vmware", "1024x768x32")]
    [InlineData(false, "pc", "cirrus", "1024x768x24")]
    [InlineData(true, "pc", "std", "1024x768x32")]
    [InlineData(true, "q35", "std", "1024x768x32")]
    [InlineData(true, "pc", "vmware", "1024x768x32")]
    public void ScrolledTextAndThePanicAreOnTheScreen(bool uefi, string machine, string vga, string mode)
    {
        // tests/apps/fbcons-scroll/unikernel.yaml: fbcons.color.
        string[] rows = AssertScreenShowsTheConsoleText(Images.FbconsScroll, "halting with exit code", attribute: 0x1F, uefi, machine, vga, mode);

        Assert.Contains("scrolling line 50", rows);
        Assert.DoesNotContain(Greeting, rows);
        Assert.Contains(PanicLine, rows);
        Assert.Contains(rows, row => row.StartsWith("halting with exit code", StringComparison.Ordinal));
    }

    [Fact]
    public void UnderPvhThereIsNoFramebufferAndFbconsSaysSoOnceAndStaysOut()
    {
        HostProcessResult run = Qemu.BootElf(Images.FbconsScroll.Elf);

        Assert.False(run.TimedOut, run.Output);
        Assert.Single(run.Lines, line => line.StartsWith("[ warn] fbcons: the boot loader set up no framebuffer", StringComparison.Ordinal));
        Assert.Contains(Greeting, run.Lines);
        Assert.Contains(PanicLine, run.Lines);
    }

    // Returns the text rows of the compared screen.
    private static string[] AssertScreenShowsTheConsoleText(BuiltImage image, string lastText, int attribute, bool uefi, string machine, string vga, string mode)
    {
        string name = "uk-fbcons-" + Guid.NewGuid().ToString("N")[..8];
        string socketPath = Path.Combine(Path.GetTempPath(), name + ".sock");
        string serialPath = Path.Combine(Path.GetTempPath(), name + ".serial");
        string dumpPath = Path.Combine(Path.GetTempPath(), name + ".ppm");
        string varsPath = Path.Combine(Path.GetTempPath(), name + ".vars.fd");
        if (uefi)
            File.Copy(QemuMachine.OvmfVariables, varsPath);
        var machineSpec = new QemuMachine
        {
            Cdrom = image.Iso, Machine = machine, MemoryMiB = 64, Serial = "file:" + serialPath, DebugExit = false, NoReboot = false,
            UefiVariables = uefi ? varsPath : null,
            ExtraArguments = ["-vga", vga, "-no-shutdown", "-monitor", "unix:" + socketPath + ",server,nowait"],
        };

        using var qemu = HostProcess.Start(QemuMachine.Executable, machineSpec.ToArguments(), redirectOutput: true);
        try
        {
            string serial = WaitForSerial(serialPath, lastText, TimeSpan.FromSeconds(120));
            int started = serial.IndexOf("[ info] fbcons: ", StringComparison.Ordinal);
            Assert.True(started >= 0, "fbcons did not start:\n" + serial);
            Assert.Contains(mode, serial[started..serial.IndexOf('\n', started)]);
            int[] modeSize = mode.Split('x').Select(part => int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

            using var monitor = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            monitor.Connect(new UnixDomainSocketEndPoint(socketPath));
            // The last write reaches the screen after the serial line (and more may follow):
            // take dumps, each against the serial text so far, until they match or the time
            // is up.
            var clock = Stopwatch.StartNew();
            string? difference;
            TextScreen expected;
            while (true)
            {
                File.Delete(dumpPath);
                Send(monitor, "screendump " + dumpPath);
                ScreenDump dump = ScreenDump.Read(dumpPath);
                serial = ReadSerial(serialPath);
                expected = Render(serial[started..], modeSize[0], modeSize[1], attribute, out Framebuffer pixels);
                difference = Compare(dump, pixels, expected);
                if (difference is null || clock.Elapsed > TimeSpan.FromSeconds(15))
                    break;
                Thread.Sleep(500);
            }

            Assert.True(difference is null, (uefi ? "OVMF" : "SeaBIOS") + ", " + machine + ", -vga " + vga + ": the screen differs from the host's rendering of the console text:\n" + difference);
            Send(monitor, "quit");
            qemu.WaitForExit(10_000);
            return Enumerable.Range(0, expected.Rows).Select(row => RowText(expected, row)).ToArray();
        }
        finally
        {
            if (!qemu.HasExited)
                qemu.Kill();
            File.Delete(socketPath);
            File.Delete(serialPath);
            File.Delete(dumpPath);
            File.Delete(varsPath);
        }
    }

    // The guest's console text drawn by fbcons's own code on a host framebuffer of the
    // screen's size.
    private static TextScreen Render(string text, int width, int height, int attribute, out Framebuffer pixels)
    {
        PsfFont font = ConsoleFontFile.Load();
        pixels = new Framebuffer(new ArrayPixelMemory(new byte[width * height * 4]), width, height, width * 4, PixelFormat.Bgr(32));
        var screen = new TextScreen(pixels, font, attribute);
        screen.Clear();
        screen.Write(text);
        return screen;
    }

    // Null when every pixel matches; else the text rows that differ, with what they should show.
    private static string? Compare(ScreenDump dump, Framebuffer expected, TextScreen text)
    {
        // QEMU's Cirrus model shows one pixel row less than the mode has (767 of 768).
        if (dump.Width != expected.Width || dump.Height < expected.Height - 1 || dump.Height > expected.Height)
            return "screen size " + dump.Width + "x" + dump.Height + ", the mode " + expected.Width + "x" + expected.Height;
        byte[] bytes = expected.Memory.Bytes.ToArray();
        int cellHeight = expected.Height / text.Rows;
        var rows = new SortedDictionary<int, int>();
        for (int y = 0; y < dump.Height; y++)
        {
            for (int x = 0; x < dump.Width; x++)
            {
                int offset = y * expected.Pitch + x * 4;
                uint pixel = (uint)(bytes[offset + 2] << 16 | bytes[offset + 1] << 8 | bytes[offset]);
                if (pixel != dump.PixelAt(x, y))
                    rows[y / cellHeight] = rows.GetValueOrDefault(y / cellHeight) + 1;
            }
        }
        if (rows.Count == 0)
            return null;
        return string.Join("\n", rows.Take(10).Select(row => "  row " + row.Key + ": " + row.Value + " pixels differ; expected \""
            + (row.Key < text.Rows ? RowText(text, row.Key) : "(below the text)") + "\""));
    }

    private static string RowText(TextScreen screen, int row) =>
        new string(Enumerable.Range(0, screen.Columns).Select(column => screen.CharacterAt(row, column)).ToArray()).TrimEnd();

    private static string WaitForSerial(string path, string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string serial = ReadSerial(path);
            if (serial.Contains(text, StringComparison.Ordinal))
                return serial;
            Assert.True(clock.Elapsed < timeout, "the guest did not print \"" + text + "\":\n" + serial);
            Thread.Sleep(200);
        }
    }

    private static string ReadSerial(string path) => File.Exists(path) ? Encoding.UTF8.GetString(File.ReadAllBytes(path)) : "";

    // The monitor answers each command with a prompt; waiting for it orders the commands.
    private static void Send(Socket monitor, string command)
    {
        monitor.Send(Encoding.ASCII.GetBytes(command + "\n"));
        var reply = new StringBuilder();
        var buffer = new byte[4096];
        var clock = Stopwatch.StartNew();
        monitor.ReceiveTimeout = 1000;
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                int read = monitor.Receive(buffer);
                if (read == 0)
                    return;
                reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (reply.ToString().Contains(command.Split(' ')[0], StringComparison.Ordinal) && reply.ToString().TrimEnd().EndsWith("(qemu)", StringComparison.Ordinal))
                    return;
            }
            catch (SocketException)
            {
                return;
            }
        }
    }
}
