using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Unikraft.Cli.Building;
using Unikraft.Cli.Infrastructure;
using Unikraft.Cli.Packaging;

namespace Unikraft.Cli.Commands;

// Exports the built image. grub-mkrescue's ISO is hybrid (MBR + El Torito + EFI system
// partition), so its bytes are also a raw disk that boots under BIOS and UEFI; the VMDK is
// that raw disk converted by qemu-img, with a .vmx beside it that VMware opens.
public sealed class ImageCommand : UkCommand<ImageCommand.Settings>
{
    public static readonly string[] Formats = ["iso", "elf", "raw", "vmdk"];

    public sealed class Settings : AppSettings
    {
        [CommandOption("-f|--format <FORMAT>")]
        [Description("iso, elf, raw (disk image: dd it to a USB stick) or vmdk (VMware)")]
        [DefaultValue("iso")]
        public string Format { get; set; } = "iso";

        [CommandOption("-o|--output <FILE>")]
        [Description("file to write (default: bin/<Config>/<name>.<format>, .img for raw)")]
        public string? Output { get; set; }

        public override ValidationResult Validate() =>
            Formats.Contains(Format) ? base.Validate() : ValidationResult.Error($"--format {Format}: use one of {string.Join(", ", Formats)}");
    }

    protected override int Run(Settings settings)
    {
        var app = AppLocator.Resolve(settings.App);
        ImageBuilder.Build(app, settings.Configuration);
        var image = app.ReadImageInfo(settings.Configuration);
        string extension = settings.Format == "raw" ? "img" : settings.Format;
        string output = Path.GetFullPath(settings.Output ?? Path.Combine(app.OutputDirectory(settings.Configuration), $"{image.Name}.{extension}"));
        string iso = app.Iso(image, settings.Configuration);
        string source = settings.Format == "elf" ? app.Elf(image, settings.Configuration) : iso;
        if (!File.Exists(source))
            throw new UkException($"{source} was not built (UkBuildIso=false in the project?); only --format elf is available.");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        string? machine = null;
        if (settings.Format == "vmdk")
        {
            ConvertToVmdk(iso, output);
            machine = WriteVmwareMachine(image, output);
        }
        else if (!string.Equals(source, output, StringComparison.Ordinal))
            File.Copy(source, output, overwrite: true);

        Ui.Success($"{settings.Format}: {output} ({Sizes.Format(new FileInfo(output).Length)})");
        Ui.Info(settings.Format switch
        {
            "raw" => $"  boots under BIOS and UEFI: qemu-system-x86_64 -drive file={output},format=raw; on a PC: dd if={output} of=/dev/sdX bs=4M conv=fsync",
            "vmdk" => $"  VMware Workstation/Player: File > Open -> {machine}; the serial console goes to {image.Name}-serial.log beside it",
            "iso" => "  boots under BIOS and UEFI from a CD/DVD drive (VMware, QEMU -cdrom, Ventoy)",
            _ => "  boot with qemu-system-x86_64 -kernel (PVH) or any multiboot2 loader",
        });
        return 0;
    }

    private static string WriteVmwareMachine(ImageInfo image, string disk)
    {
        string? nic = VmwareMachine.NicFor(image.Libraries);
        string path = Path.ChangeExtension(disk, ".vmx");
        File.WriteAllText(path, VmwareMachine.Describe(image.Name, Path.GetFileName(disk), image.MemoryMiB, nic));
        Ui.Success($"vmx: {path} (UEFI, SATA disk, {(nic is null ? "no NIC: the image has no e1000 or vmxnet3 driver" : nic + " NIC")})");
        return path;
    }

    private static void ConvertToVmdk(string raw, string output)
    {
        if (!ProcessRunner.Exists("qemu-img"))
            throw new UkException("qemu-img is not installed (it makes the VMDK): apt-get install qemu-utils.");
        var (code, text) = ProcessRunner.Capture("qemu-img", ["convert", "-f", "raw", "-O", "vmdk", raw, output]);
        if (code != 0)
            throw new UkException("qemu-img convert failed: " + text.Trim());
    }
}
