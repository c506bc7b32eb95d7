using System.ComponentModel;
using System.Diagnostics;

namespace Unikraft.Cli.Infrastructure;

// Starts host tools (dotnet, qemu, gdb, qemu-img). Captured runs hand each output line to a
// callback; attached runs share this terminal (QEMU's serial console, gdb).
public static class ProcessRunner
{
    public static int RunCaptured(string file, IReadOnlyList<string> arguments, Action<string> onLine, string? workingDirectory = null)
    {
        Ui.Command(file, arguments);
        var info = Create(file, arguments, workingDirectory);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Start(info);
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) onLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode;
    }

    public static (int ExitCode, string Output) Capture(string file, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var output = new System.Text.StringBuilder();
        int code = RunCaptured(file, arguments, line => output.AppendLine(line), workingDirectory);
        return (code, output.ToString());
    }

    public static Process StartAttached(string file, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        Ui.Command(file, arguments);
        return Start(Create(file, arguments, workingDirectory));
    }

    public static bool Exists(string file)
    {
        if (file.Contains('/'))
            return File.Exists(file);
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, file)));
    }

    private static ProcessStartInfo Create(string file, IReadOnlyList<string> arguments, string? workingDirectory)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        if (workingDirectory is not null)
            info.WorkingDirectory = workingDirectory;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    private static Process Start(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new UkException($"could not start '{info.FileName}'");
        }
        catch (Win32Exception)
        {
            throw new UkException($"'{info.FileName}' is not installed. Run `dotnet pwsh ./build.ps1 setup` (or apt-get install {HostPackages.For(info.FileName)}).");
        }
    }
}
