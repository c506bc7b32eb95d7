using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Unikraft.Bench.Boot;
using Unikraft.Hosting;

namespace Unikraft.Bench.Net;

// One QEMU guest (unikernel or Linux) with the options both sides share: same memory,
// slirp user networking with guest port 80 forwarded to a free loopback port, the same NIC.
// Killed on Dispose; its serial output is kept for failure reports.
public sealed class GuestVm : IDisposable
{
    private readonly Process _qemu;
    private readonly StringBuilder _output = new();

    public int Port { get; }

    private GuestVm(Process qemu, int port)
    {
        _qemu = qemu;
        Port = port;
    }

    // The unikernel image booted directly; its exit code comes through isa-debug-exit.
    public static QemuMachine Unikernel(string elf, string? commandLine) =>
        new() { Kernel = elf, KernelCommandLine = commandLine };

    // The Linux microVM: its kernel and initramfs, the console on the serial port.
    public static QemuMachine Linux(string kernel, string initrd) =>
        new() { Kernel = kernel, Initrd = initrd, KernelCommandLine = "console=ttyS0 quiet panic=-1", DebugExit = false };

    // Boots the machine (QemuMachine, the builder uk and the tests use) with memory ("256M")
    // and the NIC, its port 80 forwarded to a free loopback port.
    public static GuestVm Start(string memory, string device, QemuMachine boot)
    {
        int port = FreePort();
        var machine = boot with
        {
            MemoryMiB = MemoryMiB(memory),
            ExtraArguments = ["-netdev", $"user,id=n0,hostfwd=tcp:127.0.0.1:{port}-:80", "-device", device + ",netdev=n0", .. boot.ExtraArguments],
        };
        var vm = new GuestVm(ProcessRunner.Start(QemuMachine.Executable, machine.ToArguments()), port);
        vm._qemu.StandardInput.Close();
        vm._qemu.OutputDataReceived += (_, e) => vm.Append(e.Data);
        vm._qemu.ErrorDataReceived += (_, e) => vm.Append(e.Data);
        vm._qemu.BeginOutputReadLine();
        vm._qemu.BeginErrorReadLine();
        return vm;
    }

    // "256M", "1G" or a number of MiB.
    private static int MemoryMiB(string memory)
    {
        string text = memory.Trim();
        int scale = text.EndsWith('G') || text.EndsWith('g') ? 1024 : 1;
        return int.Parse(text.TrimEnd('M', 'm', 'G', 'g'), System.Globalization.CultureInfo.InvariantCulture) * scale;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    // Whether the guest printed a line starting with prefix.
    public bool Printed(string prefix)
    {
        string text;
        lock (_output) text = _output.ToString();
        return text.Split('\n').Any(l => l.StartsWith(prefix, StringComparison.Ordinal));
    }

    public string LastLines(int count)
    {
        string text;
        lock (_output) text = _output.ToString();
        return string.Join("\n", text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).TakeLast(count).Select(l => "    " + l));
    }

    // Polls GET / until it answers 200; slirp accepts the host's connection before the guest
    // listens, so only a full answer counts as serving.
    public bool WaitServing(TimeSpan timeout, out TimeSpan took)
    {
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < timeout && !_qemu.HasExited)
        {
            try
            {
                using HttpResponseMessage response = http.GetAsync($"http://127.0.0.1:{Port}/").GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    took = clock.Elapsed;
                    return true;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            Thread.Sleep(250);
        }
        took = clock.Elapsed;
        return false;
    }

    public void Dispose()
    {
        try
        {
            if (!_qemu.HasExited)
                _qemu.Kill(entireProcessTree: true);
            _qemu.WaitForExit();
        }
        finally
        {
            _qemu.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
