using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Unikraft.Hosting;

/// <summary>Runs host programs (dotnet, QEMU, gdb, qemu-img, wrk) for uk, the tests and the
/// benches: to completion with the output captured, or started for the caller to drive.</summary>
public static class HostProcess
{
    /// <summary>Runs <paramref name="file"/> to its end or the timeout (then kills it and its
    /// children). Standard output and error are captured together, each line also handed to
    /// <paramref name="onLine"/>; standard input is <paramref name="standardInput"/>, then
    /// closed.</summary>
    public static HostProcessResult Run(
        string file,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        string standardInput = "",
        Action<string>? onLine = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(file, arguments, workingDirectory, environment);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        using var process = new Process { StartInfo = start };
        void Add(string? line, StringBuilder stream)
        {
            if (line is null)
                return;
            lock (output)
            {
                output.AppendLine(line);
                stream.AppendLine(line);
                onLine?.Invoke(line);
            }
        }

        process.OutputDataReceived += (_, e) => Add(e.Data, standardOutput);
        process.ErrorDataReceived += (_, e) => Add(e.Data, standardError);
        var clock = Stopwatch.StartNew();
        StartOrExplain(process);
        process.StandardInput.Write(standardInput);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool exited = process.WaitForExit(timeout);
        if (!exited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
        lock (output)
            return new HostProcessResult(exited ? process.ExitCode : -1, output.ToString(), !exited, clock.Elapsed)
            {
                StandardOutput = standardOutput.ToString(),
                StandardError = standardError.ToString(),
            };
    }

    /// <summary>Starts <paramref name="file"/> with the streams the caller asks to redirect;
    /// the caller reads, writes and waits.</summary>
    public static Process Start(
        string file,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        bool redirectOutput = false,
        bool redirectInput = false,
        IReadOnlyDictionary<string, string>? environment = null,
        bool redirectError = false)
    {
        var start = StartInfo(file, arguments, workingDirectory, environment);
        start.RedirectStandardOutput = redirectOutput;
        start.RedirectStandardInput = redirectInput;
        start.RedirectStandardError = redirectError;
        var process = new Process { StartInfo = start };
        StartOrExplain(process);
        return process;
    }

    /// <summary>True when <paramref name="file"/> is a path that exists or a program on PATH.</summary>
    public static bool Exists(string file) => Which(file) is not null;

    /// <summary>The full path of <paramref name="file"/> (a path, or a program on PATH), or null.</summary>
    public static string? Which(string file)
    {
        if (file.Contains('/'))
            return File.Exists(file) ? Path.GetFullPath(file) : null;
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, file))
            .FirstOrDefault(File.Exists);
    }

    private static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, string? workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        // Builds the host side starts never linger as MSBuild nodes, and say nothing extra.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return start;
    }

    private static void StartOrExplain(Process process)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new HostToolMissingException(process.StartInfo.FileName, e);
        }
    }
}
