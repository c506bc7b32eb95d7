using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Unikraft.Boot.Tests;

// vgacons writes into the VGA text buffer: boot with a VGA card and no isa-debug-exit, let
// the guest power off through ACPI (QEMU stays paused with -no-shutdown), then read the
// 80x25 text buffer out of guest memory through the QEMU monitor.
public sealed class VgaConsoleBootTests
{
    [Fact]
    public void GreetingAppearsOnTheVgaTextScreen()
    {
        string[] screen = ReadScreenAfterShutdown(Images.Hello.Elf);

        Assert.Contains("Hello from C# on a unikernel!", screen);
        Assert.Contains(screen, row => row.StartsWith("[ info] booting 'hello'", StringComparison.Ordinal));
        Assert.Contains("[ info] exit code 0, shutting down", screen);
    }

    private static string[] ReadScreenAfterShutdown(string elf)
    {
        string socketPath = Path.Combine(Path.GetTempPath(), "uk-monitor-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        string dumpPath = Path.ChangeExtension(socketPath, ".vga");
        var machine = new QemuMachine
        {
            Kernel = elf, MemoryMiB = 16, DebugExit = false, NoReboot = false,
            ExtraArguments = ["-vga", "std", "-no-shutdown", "-monitor", "unix:" + socketPath + ",server,nowait"],
        };

        using var qemu = HostProcess.Start(QemuMachine.Executable, machine.ToArguments(), redirectOutput: true);
        try
        {
            var serial = new StringBuilder();
            qemu.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (serial) serial.AppendLine(e.Data); };
            qemu.BeginOutputReadLine();
            var clock = Stopwatch.StartNew();
            while (!SerialSays(serial, "shutting down"))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the guest did not shut down:\n" + serial);
                Thread.Sleep(50);
            }

            using var monitor = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            monitor.Connect(new UnixDomainSocketEndPoint(socketPath));
            Send(monitor, "pmemsave 0xb8000 4000 \"" + dumpPath + "\"");
            Send(monitor, "quit");
            qemu.WaitForExit(10_000);

            byte[] cells = File.ReadAllBytes(dumpPath);
            return Enumerable.Range(0, 25)
                .Select(row => new string(Enumerable.Range(0, 80).Select(column => (char)cells[(row * 80 + column) * 2]).ToArray()).TrimEnd())
                .ToArray();
        }
        finally
        {
            if (!qemu.HasExited)
                qemu.Kill();
            File.Delete(socketPath);
            File.Delete(dumpPath);
        }
    }

    private static bool SerialSays(StringBuilder serial, string text)
    {
        lock (serial)
            return serial.ToString().Contains(text);
    }

    // The monitor answers each command with a prompt; waiting for it orders the commands.
    private static void Send(Socket monitor, string command)
    {
        monitor.Send(Encoding.ASCII.GetBytes(command + "\n"));
        var reply = new StringBuilder();
        var buffer = new byte[4096];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            monitor.ReceiveTimeout = 1000;
            try
            {
                int read = monitor.Receive(buffer);
                if (read == 0)
                    return;
                reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (reply.ToString().Contains(command.Split(' ')[0]) && reply.ToString().TrimEnd().EndsWith("(qemu)", StringComparison.Ordinal))
                    return;
            }
            catch (SocketException)
            {
                return;
            }
        }
    }
}
