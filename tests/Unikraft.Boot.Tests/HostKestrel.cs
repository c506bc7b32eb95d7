using System.Diagnostics;

namespace Unikraft.Boot.Tests;

// apps/webapi's own sources run by host .NET with Kestrel on Linux, on a free loopback port:
// the oracle for how the guest's Kestrel answers (malformed requests above all).
public sealed class HostKestrel : IDisposable
{
    private readonly Process _process;

    public HostKestrel()
    {
        string assembly = HostTwin.Build("apps/webapi", "webapi");
        Port = LocalPorts.PickFree();
        _process = HostProcess.Start("dotnet", [assembly, "--urls", "http://127.0.0.1:" + Port], Path.GetDirectoryName(assembly)!,
            redirectOutput: true, redirectError: true);
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        while (true)
        {
            string? line = _process.StandardOutput.ReadLine();
            if (line is null || started.Elapsed > TimeSpan.FromMinutes(2))
                throw new InvalidOperationException("host Kestrel did not start listening");
            if (line.Contains("Now listening on:"))
                break;
        }
        // Keep draining its log so it never blocks on a full pipe.
        _ = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync() is not null)
            {
            }
        });
    }

    public int Port { get; }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
