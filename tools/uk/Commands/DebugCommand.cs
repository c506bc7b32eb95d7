using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Spectre.Console.Cli;
using Unikraft.Cli.Building;
using Unikraft.Cli.Infrastructure;
using Unikraft.Cli.Running;

namespace Unikraft.Cli.Commands;

// QEMU halted at the first instruction with a gdb server; gdb with the image's symbols,
// a hardware breakpoint on Main, continue. QEMU runs in its own session (setsid) so Ctrl-C in
// gdb interrupts the guest instead of killing QEMU; its serial console prints here.
public sealed class DebugCommand : UkCommand<DebugCommand.Settings>
{
    public sealed class Settings : AppSettings
    {
        [CommandOption("--gdb-port <PORT>")]
        [Description("TCP port of QEMU's gdb server")]
        [DefaultValue(1234)]
        public int Port { get; set; } = 1234;

        [CommandOption("--batch")]
        [Description("no prompt: stop at Main, print the backtrace and registers, quit (scripts, CI)")]
        public bool Batch { get; set; }

        [CommandOption("--break <SYMBOL>")]
        [Description("break here instead of the application's Main")]
        public string? Break { get; set; }

        [CommandOption("--optimized")]
        [Description("debug the optimised image (as shipped): source lines, but locals optimised away")]
        public bool Optimized { get; set; }
    }

    protected override int Run(Settings settings)
    {
        var app = AppLocator.Resolve(settings.App);
        // Without ILC's optimiser gdb sees every C# local; `uk build` later restores the shipped image.
        ImageBuilder.Build(app, settings.Configuration, optimize: settings.Optimized);
        var image = app.ReadImageInfo(settings.Configuration);
        string debugElf = app.DebugElf(image, settings.Configuration);
        if (!ProcessRunner.Exists("gdb"))
            throw new UkException("gdb is not installed: apt-get install gdb.");
        string breakAt = settings.Break ?? MainSymbol.Find(debugElf, Path.GetFileNameWithoutExtension(app.Project));

        var qemuArguments = QemuCommandLine.Build(new QemuOptions
        {
            Elf = app.Elf(image, settings.Configuration),
            Iso = app.Iso(image, settings.Configuration),
            MemoryMiB = image.MemoryMiB,
            Append = string.IsNullOrEmpty(image.Cmdline) ? null : image.Cmdline,
        }, null);
        qemuArguments.AddRange(["-gdb", $"tcp::{settings.Port}", "-S"]);
        Ui.Step($"QEMU halted with a gdb server on :{settings.Port}; gdb breaks at {breakAt}");
        using var qemu = StartQemu(qemuArguments);
        try
        {
            if (!TcpListenWait.Wait(settings.Port, TimeSpan.FromSeconds(10)))
                throw new UkException(qemu.HasExited
                    ? $"QEMU exited (code {qemu.ExitCode}) before its gdb server started; is port {settings.Port} in use? Try --gdb-port."
                    : $"QEMU's gdb server did not start on :{settings.Port}.");
            var gdbArguments = new List<string> { "-q", "-nx" };
            if (settings.Batch)
                gdbArguments.Add("-batch");
            gdbArguments.AddRange([
                debugElf,
                "-ex", "set confirm off",
                "-ex", $"target remote :{settings.Port}",
                "-ex", $"hbreak {breakAt}",
                "-ex", "continue",
            ]);
            if (settings.Batch)
                gdbArguments.AddRange(["-ex", "bt 5", "-ex", "next", "-ex", "next", "-ex", "info locals", "-ex", "info registers rip rsp", "-ex", "kill"]);
            using var gdb = ProcessRunner.StartAttached("gdb", gdbArguments);
            // Ctrl-C belongs to gdb (it interrupts the guest); uk keeps waiting.
            using var signal = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
            gdb.WaitForExit();
            return gdb.ExitCode;
        }
        finally
        {
            if (!qemu.HasExited)
            {
                qemu.Kill();
                qemu.WaitForExit();
            }
        }
    }

    private static Process StartQemu(List<string> arguments)
    {
        // setsid: its own session, untouched by the terminal's Ctrl-C. Serial output still comes here.
        Ui.Command(QemuCommandLine.Qemu, arguments);
        var process = Unikraft.Hosting.HostProcess.Start("setsid", [QemuCommandLine.Qemu, .. arguments], redirectInput: true);
        process.StandardInput.Close();
        return process;
    }
}
