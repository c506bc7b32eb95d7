using System.Diagnostics;
using Unikraft.Hosting;

namespace Unikraft.Cli.Infrastructure;

// Starts host tools (dotnet, qemu, gdb, qemu-img) through the shared runner, showing each
// command first. Captured runs hand each output line to a callback; attached runs share this
// terminal (QEMU's serial console, gdb). A missing tool says which package brings it.
public static class ProcessRunner
{
    public static int RunCaptured(string file, IReadOnlyList<string> arguments, Action<string> onLine, string? workingDirectory = null)
    {
        Ui.Command(file, arguments);
        return Explained(() => HostProcess.Run(file, arguments, Timeout.InfiniteTimeSpan, workingDirectory, onLine: onLine)).ExitCode;
    }

    public static (int ExitCode, string Output) Capture(string file, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        Ui.Command(file, arguments);
        var result = Explained(() => HostProcess.Run(file, arguments, Timeout.InfiniteTimeSpan, workingDirectory));
        return (result.ExitCode, result.Output);
    }

    public static Process StartAttached(string file, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        Ui.Command(file, arguments);
        return Explained(() => HostProcess.Start(file, arguments, workingDirectory));
    }

    public static bool Exists(string file) => HostProcess.Exists(file);

    private static T Explained<T>(Func<T> start)
    {
        try
        {
            return start();
        }
        catch (HostToolMissingException e)
        {
            throw new UkException($"'{e.Tool}' is not installed. Run `dotnet pwsh ./build.ps1 setup` (or apt-get install {HostPackages.For(e.Tool)}).");
        }
    }
}
