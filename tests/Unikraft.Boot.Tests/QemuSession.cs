using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Unikraft.Boot.Tests;

// A running guest the test talks to while it runs: waits for lines on its serial console,
// types into it (the serial port's input), and reads the QEMU process's CPU time.
internal sealed class QemuSession : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<string> _lines = new();

    private QemuSession(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_lines)
            {
                _lines.Add(e.Data);
                _output.AppendLine(e.Data);
                Monitor.PulseAll(_lines);
            }
        };
        _process.BeginOutputReadLine();
    }

    public string Output
    {
        get
        {
            lock (_lines)
                return _output.ToString();
        }
    }

    public string[] Lines
    {
        get
        {
            lock (_lines)
                return _lines.Select(line => line.TrimEnd('\r')).ToArray();
        }
    }

    public bool HasExited => _process.HasExited;

    // Ends QEMU at once, as a power cut would end the guest.
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    // Boots with host ports forwarded (arguments builds QEMU's extra arguments for a port) and
    // waits for readyLine. QEMU exits at once, printing nothing, when the port was taken
    // between LocalPorts' pick and its start (by another test's guest or a client's
    // connection): then another port, up to three times.
    public static QemuSession BootElfForwarded(string elf, string commandLine, int memoryMiB, Func<int, string[]> arguments, string readyLine, TimeSpan timeout, out int port)
    {
        for (int attempt = 1; ; attempt++)
        {
            port = LocalPorts.PickFree();
            QemuSession session = BootElf(elf, commandLine, memoryMiB, arguments(port));
            try
            {
                session.WaitForLine(readyLine, timeout);
                return session;
            }
            catch (TimeoutException) when (attempt < 3 && session.HasExited && session.Output.Length == 0)
            {
                session.Dispose();
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }
    }

    public static QemuSession BootElf(string elf, string commandLine, int memoryMiB = 32, params string[] extraArguments) =>
        Boot(new QemuMachine { Kernel = elf, KernelCommandLine = commandLine, MemoryMiB = memoryMiB, ExtraArguments = extraArguments });

    // The ISO through GRUB under OVMF (UEFI, as PCs boot); varsCopy: a writable copy of
    // Qemu.OvmfVars the caller deletes afterwards.
    public static QemuSession BootIsoUefi(string iso, string varsCopy, int memoryMiB = 128, params string[] extraArguments) =>
        Boot(new QemuMachine { Cdrom = iso, UefiVariables = varsCopy, MemoryMiB = memoryMiB, ExtraArguments = extraArguments });

    // A PC as the product names it: the ISO through GRUB under OVMF (varsCopy: a writable
    // copy of Qemu.OvmfVars) or, with null, under SeaBIOS; no serial port, no isa-debug-exit,
    // and a reset that reboots. The guest shows its output only on its screen (read it
    // through the monitor's screendump); it ends by powering off.
    public static QemuSession BootPc(string iso, string? varsCopy, int memoryMiB, params string[] extraArguments) =>
        Boot(new QemuMachine
        {
            Cdrom = iso, UefiVariables = varsCopy, MemoryMiB = memoryMiB, ExtraArguments = extraArguments,
            Serial = null, DebugExit = false, NoReboot = false,
        });

    private static QemuSession Boot(QemuMachine machine) =>
        new(HostProcess.Start(QemuMachine.Executable, machine.ToArguments(), redirectOutput: true, redirectInput: true));

    public void WaitForLine(string prefix, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        lock (_lines)
        {
            while (!_lines.Any(line => line.StartsWith(prefix, StringComparison.Ordinal)))
            {
                TimeSpan left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero || _process.HasExited && !Monitor.Wait(_lines, 100))
                    throw new TimeoutException("the guest never printed '" + prefix + "':\n" + _output);
                Monitor.Wait(_lines, left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            }
        }
    }

    public void Type(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    // QEMU's exit code, or -1 if it had to be killed.
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            return -1;
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    // utime + stime from /proc/<pid>/stat (fields 14 and 15, in 1/100 s).
    public TimeSpan CpuTime()
    {
        string stat = File.ReadAllText("/proc/" + _process.Id + "/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
