using Unikraft.Hosting;

namespace Unikraft.Bench.Boot;

/// <summary>The QEMU machines of each boot path (Unikraft.Hosting's QemuMachine, the builder uk
/// and the tests use), as the benchmark has always booted them: no -no-reboot for the
/// unikernel, which exits through isa-debug-exit.</summary>
public static class BootSpecs
{
    public const string HelloLine = "Hello from C# on a unikernel!";
    public const string LinuxLine = "BOOTBENCH: linux up";

    /// <summary>isa-debug-exit turns guest exit code 0 into QEMU exit code 1.</summary>
    const int UnikernelCleanExit = 1;

    public static BootSpec IsoSeaBios(string iso) => new(
        "ISO SeaBIOS", new QemuMachine { Cdrom = iso, NoReboot = false }, 64, HelloLine, UnikernelCleanExit);

    /// <summary>A per-run copy of OVMF_VARS is set by <see cref="QemuBoot"/>.</summary>
    public static BootSpec IsoOvmf(string iso) => new(
        "ISO OVMF", new QemuMachine { Cdrom = iso, NoReboot = false }, 128, HelloLine, UnikernelCleanExit, NeedsOvmfVars: true);

    public static BootSpec ElfKernel(string elf) => new(
        "ELF -kernel", new QemuMachine { Kernel = elf, NoReboot = false }, 64, HelloLine, UnikernelCleanExit);

    /// <summary>Linux powers off via ACPI: QEMU exits 0. -no-reboot turns a panic into an exit too.</summary>
    public static BootSpec LinuxKernel(string vmlinuz, string initrd) => new(
        "Linux -kernel",
        new QemuMachine { Kernel = vmlinuz, Initrd = initrd, KernelCommandLine = "console=ttyS0 quiet panic=-1", DebugExit = false },
        256, LinuxLine, 0);
}
