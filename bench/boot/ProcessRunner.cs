using System.Collections.Generic;
using System.Diagnostics;

namespace Unikraft.Bench.Boot;

/// <summary>Runs a helper tool (dotnet, apt-get, dpkg-deb) to completion and captures its output.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using Process p = Start(psi);
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new Result(p.ExitCode, stdout, stderr.Result);
    }

    public static Process Start(ProcessStartInfo psi)
    {
        try
        {
            return Process.Start(psi) ?? throw new BenchException($"could not start '{psi.FileName}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BenchException($"could not start '{psi.FileName}': {e.Message}");
        }
    }

    /// <summary>Full path of an executable on PATH, or null.</summary>
    public static string? Which(string name)
    {
        string? path = System.Environment.GetEnvironmentVariable("PATH");
        if (path is null) return null;
        foreach (string dir in path.Split(System.IO.Path.PathSeparator))
        {
            string candidate = System.IO.Path.Combine(dir, name);
            if (System.IO.File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
