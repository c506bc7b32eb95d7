namespace Unikraft.Cli.Running;

// What to boot and how; turned into a QEMU command line by QemuCommandLine.
public sealed record QemuOptions
{
    public required string Elf { get; init; }
    public required string Iso { get; init; }
    public bool BootIso { get; init; }
    public bool Uefi { get; init; }
    public long MemoryMiB { get; init; }
    public string Net { get; init; } = "none";
    // The QEMU NIC for --net user.
    public string NetDevice { get; init; } = NetDeviceChooser.Default;
    public IReadOnlyList<string> Ports { get; init; } = [];
    public string? Disk { get; init; }
    // The -device arguments that attach drive d0 (DiskDeviceChooser).
    public IReadOnlyList<string> DiskDevices { get; init; } = DiskDeviceChooser.Default;
    public bool Gdb { get; init; }
    public string? Append { get; init; }
    // A raw or VMDK disk image to boot from instead of the ELF/ISO.
    public string? BootDisk { get; init; }
    public string BootDiskFormat { get; init; } = "raw";
}
