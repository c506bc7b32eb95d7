using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Unikraft.Cli.Building;
using Unikraft.Cli.Infrastructure;
using Unikraft.Cli.Running;

namespace Unikraft.Cli.Commands;

public sealed class RunCommand : UkCommand<RunCommand.Settings>
{
    public class Settings : AppSettings
    {
        [CommandOption("--iso")]
        [Description("boot the ISO through GRUB (BIOS)")]
        public bool Iso { get; set; }

        [CommandOption("--kernel")]
        [Description("boot the ELF directly (PVH), the default")]
        public bool Kernel { get; set; }

        [CommandOption("--uefi")]
        [Description("boot the ISO under UEFI (OVMF), at least 128M")]
        public bool Uefi { get; set; }

        [CommandOption("-m|--memory <SIZE>")]
        [Description("guest memory, e.g. 64M (default: the manifest's memory)")]
        public string? Memory { get; set; }

        [CommandOption("--net <MODE>")]
        [Description("user (QEMU user networking) or none")]
        [DefaultValue("none")]
        public string Net { get; set; } = "none";

        [CommandOption("--nic <DEVICE>")]
        [Description("QEMU NIC for --net user (default: the one the image's driver drives: virtio-net-pci, e1000 or vmxnet3)")]
        public string? Nic { get; set; }

        [CommandOption("-p|--port <HOST:GUEST>")]
        [Description("forward a host TCP port to the guest (with --net user), repeatable")]
        public string[] Ports { get; set; } = [];

        [CommandOption("--disk <FILE>")]
        [Description("attach a disk image on the controller the image drives (virtio-blk, AHCI or NVMe)")]
        public string? Disk { get; set; }

        [CommandOption("--gdb")]
        [Description("start halted with a gdb server on :1234 (-s -S)")]
        public bool Gdb { get; set; }

        [CommandOption("--append <ARGS>")]
        [Description("kernel command line for --kernel boots (default: the manifest's cmdline)")]
        public string? Append { get; set; }

        public override ValidationResult Validate()
        {
            if (Iso && Kernel)
                return ValidationResult.Error("--iso and --kernel exclude each other");
            if (Kernel && Uefi)
                return ValidationResult.Error("--uefi boots the ISO; leave out --kernel");
            if (Append is not null && System.Text.Encoding.UTF8.GetByteCount(Append) > QemuCommandLine.MaxAppendBytes)
                return ValidationResult.Error($"--append is {System.Text.Encoding.UTF8.GetByteCount(Append)} bytes; a kernel command line holds at most {QemuCommandLine.MaxAppendBytes} (QEMU's PVH loader overwrites its boot information with a longer one)");
            return base.Validate();
        }
    }

    protected override int Run(Settings settings)
    {
        var app = AppLocator.Resolve(settings.App);
        ImageBuilder.Build(app, settings.Configuration);
        var image = app.ReadImageInfo(settings.Configuration);
        bool iso = settings.Iso || settings.Uefi;
        if (iso && settings.Append is not null)
            Ui.Warn("--append applies to --kernel boots; the ISO uses the command line in its grub.cfg (the manifest's cmdline).");
        var options = new QemuOptions
        {
            Elf = app.Elf(image, settings.Configuration),
            Iso = app.Iso(image, settings.Configuration),
            BootIso = iso,
            Uefi = settings.Uefi,
            MemoryMiB = settings.Memory is null ? image.MemoryMiB : Sizes.ParseMiB(settings.Memory),
            Net = settings.Net,
            NetDevice = settings.Nic ?? NetDeviceChooser.For(image.Libraries),
            Ports = settings.Ports,
            Disk = settings.Disk,
            DiskDevices = DiskDeviceChooser.For(image.Libraries),
            Gdb = settings.Gdb,
            Append = settings.Append ?? (string.IsNullOrEmpty(image.Cmdline) ? null : image.Cmdline),
        };
        if (iso && !File.Exists(options.Iso))
            throw new UkException($"{options.Iso} was not built (UkBuildIso=false?): boot the ELF with --kernel.");
        string how = settings.Uefi ? "ISO, UEFI" : iso ? "ISO, BIOS" : "ELF, direct boot";
        Ui.Step($"booting {image.Name} ({how}, {Math.Max(options.MemoryMiB, settings.Uefi ? QemuCommandLine.UefiMinimumMiB : 0)}M){(settings.Gdb ? "" : "; Ctrl-C stops it")}");
        if (settings.Gdb)
            PrintGdbHelp(app.DebugElf(image, settings.Configuration), MainSymbol.Find(app.DebugElf(image, settings.Configuration), Path.GetFileNameWithoutExtension(app.Project)));
        int code = QemuSession.Boot(options);
        if (code != QemuSession.Interrupted)
            Ui.Step($"guest exit code {code}");
        return code;
    }

    private static void PrintGdbHelp(string debugElf, string main)
    {
        Ui.Info("  halted, gdb server on :1234. In another terminal:");
        Ui.Info($"    gdb {debugElf} -ex 'target remote :1234' -ex 'hbreak {main}' -ex continue");
        Ui.Info("  (or use `uk debug`, which does this for you)");
    }
}
