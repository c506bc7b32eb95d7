using System;
using System.Diagnostics;
using System.IO;

namespace Unikraft.Bench;

// Runs the build and QEMU for the benches that boot one guest image several times, and finds
// the repository they belong to.
public static class BenchProcess
{
    // Output and error interleaved as the process wrote them; -1 when it ran past the timeout.
    public static int Run(string file, string arguments, int timeoutSeconds, out string output)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(info)!;
        var text = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(true);
            output = text + "\n(timed out)";
            return -1;
        }
        process.WaitForExit();
        output = text.ToString();
        return process.ExitCode;
    }

    // QEMU as the benches boot an image: serial on stdout, isa-debug-exit (a clean guest exit is 1).
    public static int Boot(string elf, int memoryMiB, string kernelArguments, int timeoutSeconds, out string output) =>
        Run("qemu-system-x86_64", "-nodefaults -display none -serial stdio -no-reboot -m " + memoryMiB + "M -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel \"" + elf + "\""
            + (kernelArguments.Length > 0 ? " -append \"" + kernelArguments + "\"" : ""), timeoutSeconds, out output);

    // dotnet build of a guest image in Release, saying so; false (with the build's output
    // printed) when it fails.
    public static bool BuildImage(string project)
    {
        Console.WriteLine("building " + project + " (Release)");
        if (Run("dotnet", "build \"" + project + "\" -c Release -nologo -v q", 600, out string output) == 0)
            return true;
        Console.WriteLine(output);
        return false;
    }

    public static string FindRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Unikraft.sln")))
            directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException("run from inside the repository");
    }
}
