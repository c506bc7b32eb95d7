using System.Runtime.InteropServices;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Running;

// Runs QEMU on this terminal. Ctrl-C reaches QEMU too (same process group) and stops the guest;
// uk waits for it instead of dying first. The guest's exit code comes back through
// isa-debug-exit as QEMU's (code << 1) | 1.
public static class QemuSession
{
    public const int Interrupted = 130;

    public static int Boot(QemuOptions options, Action<System.Diagnostics.Process>? started = null)
    {
        if (!ProcessRunner.Exists(QemuCommandLine.Qemu))
            throw new UkException($"{QemuCommandLine.Qemu} is not installed. Run `dotnet pwsh ./build.ps1 setup` (or apt-get install qemu-system-x86).");
        string? vars = null;
        if (options.Uefi)
        {
            if (!File.Exists(QemuCommandLine.OvmfCode))
                throw new UkException($"{QemuCommandLine.OvmfCode} is missing: apt-get install ovmf.");
            vars = Path.Combine(Path.GetTempPath(), $"uk-ovmf-vars-{Environment.ProcessId}.fd");
            File.Copy(QemuCommandLine.OvmfVars, vars, overwrite: true);
        }
        try
        {
            var arguments = QemuCommandLine.Build(options, vars);
            bool interrupted = false;
            using var process = ProcessRunner.StartAttached(QemuCommandLine.Qemu, arguments);
            using var signal = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                interrupted = true;
                // QEMU got the same SIGINT; make sure it goes even if it ignored it.
                Task.Delay(3000).ContinueWith(_ => { try { if (!process.HasExited) process.Kill(); } catch (InvalidOperationException) { } });
            });
            started?.Invoke(process);
            process.WaitForExit();
            // QEMU ends 0 only when it was stopped (a guest exit through isa-debug-exit is odd);
            // give the SIGINT handler a moment to record a Ctrl-C that raced QEMU's exit.
            if (process.ExitCode == 0 && !interrupted)
                Thread.Sleep(200);
            if (interrupted)
            {
                Ui.Step("stopped (Ctrl-C)");
                return Interrupted;
            }
            if (process.ExitCode == 0)
            {
                Ui.Step("QEMU stopped without a guest exit code");
                return Interrupted;
            }
            return GuestExitCode(process.ExitCode);
        }
        finally
        {
            if (vars is not null)
                File.Delete(vars);
        }
    }

    public static int GuestExitCode(int qemuExitCode) => (qemuExitCode & 1) == 1 ? qemuExitCode >> 1 : qemuExitCode;
}
