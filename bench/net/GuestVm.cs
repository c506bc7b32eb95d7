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

    public static GuestVm Start(string memory, string device, IEnumerable<string> bootArguments)
    {
        int port = FreePort();
        var arguments = new List<string>
        {
            "-nodefaults", "-display", "none", "-serial", "stdio", "-no-reboot", "-m", memory,
            "-netdev", $"user,id=n0,hostfwd=tcp:127.0.0.1:{port}-:80", "-device", device + ",netdev=n0",
        };
        arguments.AddRange(bootArguments);
        var psi = new ProcessStartInfo("qemu-system-x86_64") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
            psi.ArgumentList.Add(argument);
        var vm = new GuestVm(ProcessRunner.Start(psi), port);
        vm._qemu.OutputDataReceived += (_, e) => vm.Append(e.Data);
        vm._qemu.ErrorDataReceived += (_, e) => vm.Append(e.Data);
        vm._qemu.BeginOutputReadLine();
        vm._qemu.BeginErrorReadLine();
        return vm;
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
