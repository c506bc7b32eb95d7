using System;
using System.Collections.Generic;
using System.IO;
using Unikraft.Hosting;

namespace Unikraft.Bench;

// Runs the build and QEMU for the benches that boot one guest image several times, and finds
// the repository they belong to.
public static class BenchProcess
{
    // Output and error interleaved as the process wrote them; -1 when it ran past the timeout.
    public static int Run(string file, IEnumerable<string> arguments, int timeoutSeconds, out string output)
    {
        HostProcessResult result = HostProcess.Run(file, arguments, TimeSpan.FromSeconds(timeoutSeconds));
        output = result.TimedOut ? result.Output + "\n(timed out)" : result.Output;
        return result.ExitCode;
    }

    // QEMU as the benches boot an image (QemuMachine, the builder uk and the tests use): serial
    // on stdout, isa-debug-exit (a clean guest exit is 1).
    public static int Boot(string elf, int memoryMiB, string kernelArguments, int timeoutSeconds, out string output) =>
        Run(QemuMachine.Executable, new QemuMachine { Kernel = elf, MemoryMiB = memoryMiB, KernelCommandLine = kernelArguments }.ToArguments(), timeoutSeconds, out output);

    // dotnet build of a guest image in Release, saying so; false (with the build's output
    // printed) when it fails.
    public static bool BuildImage(string project)
    {
        Console.WriteLine("building " + project + " (Release)");
        if (Run("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"], 600, out string output) == 0)
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
