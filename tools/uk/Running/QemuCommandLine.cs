using System.Text.RegularExpressions;
using Unikraft.Cli.Infrastructure;
using Unikraft.Hosting;

namespace Unikraft.Cli.Running;

// uk's boot options as a QEMU machine (Unikraft.Hosting's QemuMachine, the command-line
// builder the tests and the benches use too), plus what only uk offers: --net with its port
// forwards, and --disk on the controller the image drives.
public static partial class QemuCommandLine
{
    public const string Qemu = QemuMachine.Executable;
    public const string OvmfCode = QemuMachine.OvmfCode;
    public const string OvmfVars = QemuMachine.OvmfVariables;
    public const int UefiMinimumMiB = QemuMachine.UefiMinimumMiB;
    public const int MaxAppendBytes = QemuMachine.MaxKernelCommandLineBytes;

    // varsCopy: the per-run copy of the OVMF variable store (UEFI only).
    public static List<string> Build(QemuOptions options, string? varsCopy)
    {
        var extra = new List<string>();
        if (options.Net == "user")
        {
            string forwards = string.Concat(options.Ports.Select(p => ",hostfwd=tcp::" + ParsePort(p)));
            extra.AddRange(["-netdev", "user,id=n0" + forwards, "-device", options.NetDevice + ",netdev=n0"]);
        }
        else if (options.Net != "none")
            throw new UkException($"--net {options.Net}: use user or none.");
        else if (options.Ports.Count > 0)
            throw new UkException("--port needs --net user.");
        if (options.Disk is not null)
        {
            if (!File.Exists(options.Disk))
                throw new UkException($"--disk {options.Disk}: no such file. Create one: qemu-img create -f raw {options.Disk} 64M");
            extra.AddRange(["-drive", $"file={Path.GetFullPath(options.Disk)},if=none,id=d0,format={(options.Disk.EndsWith(".vmdk", StringComparison.OrdinalIgnoreCase) ? "vmdk" : "raw")}"]);
            foreach (string device in options.DiskDevices)
                extra.AddRange(["-device", device]);
        }

        bool fromCdrom = options.BootDisk is null && (options.BootIso || options.Uefi);
        bool fromKernel = options.BootDisk is null && !fromCdrom;
        var machine = new QemuMachine
        {
            MemoryMiB = (int)options.MemoryMiB,
            UefiVariables = options.Uefi ? varsCopy : null,
            BootDisk = options.BootDisk,
            BootDiskFormat = options.BootDiskFormat,
            Cdrom = fromCdrom ? options.Iso : null,
            Kernel = fromKernel ? options.Elf : null,
            KernelCommandLine = fromKernel ? options.Append : null,
            WaitForDebugger = options.Gdb,
            ExtraArguments = extra,
        };
        return [.. machine.ToArguments()];
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
