using System.Text.RegularExpressions;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Running;

// The QEMU command line for an image: serial console on stdio, isa-debug-exit for the exit code.
public static partial class QemuCommandLine
{
    public const string Qemu = "qemu-system-x86_64";
    public const string OvmfCode = "/usr/share/OVMF/OVMF_CODE_4M.fd";
    public const string OvmfVars = "/usr/share/OVMF/OVMF_VARS_4M.fd";
    public const int UefiMinimumMiB = 128;

    // QEMU's PVH loader puts its boot information about 4 KiB after the kernel command line and
    // does not check the length: a longer one overwrites it (the kernel stops with a message)
    // or hangs the loader before the kernel runs.
    public const int MaxAppendBytes = 4095;

    // varsCopy: the per-run copy of the OVMF variable store (UEFI only).
    public static List<string> Build(QemuOptions options, string? varsCopy)
    {
        long memory = options.Uefi ? Math.Max(options.MemoryMiB, UefiMinimumMiB) : options.MemoryMiB;
        var args = new List<string>
        {
            "-nodefaults", "-display", "none", "-serial", "stdio", "-no-reboot",
            "-m", memory + "M",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
        };
        if (Environment.GetEnvironmentVariable("UK_KVM") == "1")
            args.AddRange(["-enable-kvm", "-cpu", "host"]);
        if (options.Uefi)
        {
            args.AddRange(["-drive", $"if=pflash,format=raw,readonly=on,file={OvmfCode}"]);
            args.AddRange(["-drive", $"if=pflash,format=raw,file={varsCopy}"]);
        }
        if (options.BootDisk is not null)
            args.AddRange(["-drive", $"file={options.BootDisk},format={options.BootDiskFormat}"]);
        else if (options.BootIso || options.Uefi)
            args.AddRange(["-boot", "d", "-cdrom", options.Iso]);
        else
        {
            args.AddRange(["-kernel", options.Elf]);
            if (!string.IsNullOrEmpty(options.Append))
                args.AddRange(["-append", options.Append]);
        }
        if (options.Net == "user")
        {
            string forwards = string.Concat(options.Ports.Select(p => ",hostfwd=tcp::" + ParsePort(p)));
            args.AddRange(["-netdev", "user,id=n0" + forwards, "-device", options.NetDevice + ",netdev=n0"]);
        }
        else if (options.Net != "none")
            throw new UkException($"--net {options.Net}: use user or none.");
        else if (options.Ports.Count > 0)
            throw new UkException("--port needs --net user.");
        if (options.Disk is not null)
        {
            if (!File.Exists(options.Disk))
                throw new UkException($"--disk {options.Disk}: no such file. Create one: qemu-img create -f raw {options.Disk} 64M");
            args.AddRange(["-drive", $"file={Path.GetFullPath(options.Disk)},if=none,id=d0,format={(options.Disk.EndsWith(".vmdk", StringComparison.OrdinalIgnoreCase) ? "vmdk" : "raw")}"]);
            foreach (string device in options.DiskDevices)
                args.AddRange(["-device", device]);
        }
        if (options.Gdb)
            args.AddRange(["-s", "-S"]);
        return args;
    }

    // "8080:80" -> "8080-:80" (host port, guest port)
    private static string ParsePort(string text)
    {
        var match = PortPattern().Match(text);
        if (!match.Success)
            throw new UkException($"--port {text}: write it as HOST:GUEST, e.g. 8080:80.");
        return $"{match.Groups[1].Value}-:{match.Groups[2].Value}";
    }

    [GeneratedRegex(@"^(\d{1,5}):(\d{1,5})$")]
    private static partial Regex PortPattern();
}
