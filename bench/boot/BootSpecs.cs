using System.Collections.Generic;

namespace Unikraft.Bench.Boot;

/// <summary>The QEMU command lines of each boot path.</summary>
public static class BootSpecs
{
    public const string HelloLine = "Hello from C# on a unikernel!";
    public const string LinuxLine = "BOOTBENCH: linux up";

    /// <summary>isa-debug-exit turns guest exit code 0 into QEMU exit code 1.</summary>
    const int UnikernelCleanExit = 1;

    static readonly string[] Common = ["-nodefaults", "-display", "none", "-serial", "stdio"];
    static readonly string[] DebugExit = ["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"];

    public static BootSpec IsoSeaBios(string iso) => new(
        "ISO SeaBIOS", [.. Common, "-boot", "d", "-cdrom", iso, .. DebugExit], 64, HelloLine, UnikernelCleanExit);

    /// <summary>The second pflash (a per-run copy of OVMF_VARS) is appended by <see cref="QemuBoot"/>.</summary>
    public static BootSpec IsoOvmf(string iso, string ovmfCode) => new(
        "ISO OVMF",
        [.. Common, "-drive", $"if=pflash,format=raw,readonly=on,file={ovmfCode}",
         "-boot", "d", "-cdrom", iso, .. DebugExit],
        128, HelloLine, UnikernelCleanExit, NeedsOvmfVars: true);

    public static BootSpec ElfKernel(string elf) => new(
        "ELF -kernel", [.. Common, "-kernel", elf, .. DebugExit], 64, HelloLine, UnikernelCleanExit);

    /// <summary>Linux powers off via ACPI: QEMU exits 0. -no-reboot turns a panic into an exit too.</summary>
    public static BootSpec LinuxKernel(string vmlinuz, string initrd) => new(
        "Linux -kernel",
        [.. Common, "-kernel", vmlinuz, "-initrd", initrd,
         "-append", "console=ttyS0 quiet panic=-1", "-no-reboot"],
        256, LinuxLine, 0);

    public static IEnumerable<string> Acceleration(bool kvm) =>
        kvm ? ["-enable-kvm", "-cpu", "host"] : [];
}
