namespace Unikraft.Boot.Tests;

// Boots an image the ways the project supports, through the one QEMU command-line builder
// (Unikraft.Hosting's QemuMachine). The guest ends QEMU through isa-debug-exit, so QEMU's exit
// code is (guest code << 1) | 1; without the device (as on real machines) it powers off, and
// QEMU exits with 0.
internal static class Qemu
{
    public const string OvmfCode = QemuMachine.OvmfCode;
    public const string OvmfVars = QemuMachine.OvmfVariables;

    public static int ExitCodeFor(int guestExitCode) => QemuMachine.ExitCodeFor(guestExitCode);

    public static HostProcessResult BootElf(string elf, string? commandLine = null, int memoryMiB = 64, int timeoutSeconds = 60) =>
        Run(new QemuMachine { Kernel = elf, KernelCommandLine = commandLine, MemoryMiB = memoryMiB }, TimeSpan.FromSeconds(timeoutSeconds));

    // A PC without ACPI tables: the kernel has to fall back to the 8259 PICs.
    public static HostProcessResult BootElfWithoutAcpi(string elf, int memoryMiB = 64) =>
        Run(new QemuMachine { Kernel = elf, Machine = "acpi=off", MemoryMiB = memoryMiB }, TimeSpan.FromSeconds(60));

    // A PVH boot with a file passed as a boot module (QEMU's -initrd).
    public static HostProcessResult BootElfWithModule(string elf, string module, int memoryMiB) =>
        Run(new QemuMachine { Kernel = elf, Initrd = module, MemoryMiB = memoryMiB }, TimeSpan.FromSeconds(60));

    // A direct boot with extra QEMU arguments (disks, devices, a machine type).
    public static HostProcessResult BootElfWith(string elf, string? commandLine, IEnumerable<string> extraArguments, int memoryMiB = 32) =>
        Run(new QemuMachine { Kernel = elf, KernelCommandLine = commandLine, MemoryMiB = memoryMiB, ExtraArguments = [.. extraArguments] }, TimeSpan.FromSeconds(60));

    // A PC as real machines are, by default without isa-debug-exit and with a reset that
    // restarts it: the guest ends QEMU itself by powering off (ACPI S5) or, with noReboot, by
    // resetting; otherwise QEMU runs until killed at the timeout. machine: a QEMU machine
    // type (pc, q35) with its properties.
    public static HostProcessResult BootElfOn(string elf, string machine, bool debugExit = false, bool noReboot = false, int timeoutSeconds = 60,
        IEnumerable<string>? extraArguments = null) =>
        Run(new QemuMachine { Kernel = elf, Machine = machine, DebugExit = debugExit, NoReboot = noReboot, ExtraArguments = [.. extraArguments ?? []] },
            TimeSpan.FromSeconds(timeoutSeconds));

    // extraArguments: disks, devices, a machine type, as for BootElfWith.
    // debugExit false: no isa-debug-exit, and a reset restarts the machine (as on a PC).
    public static HostProcessResult BootIsoBios(string iso, int memoryMiB = 64, IEnumerable<string>? extraArguments = null, bool debugExit = true, int timeoutSeconds = 60) =>
        Run(new QemuMachine { Cdrom = iso, MemoryMiB = memoryMiB, DebugExit = debugExit, NoReboot = debugExit, ExtraArguments = [.. extraArguments ?? []] },
            TimeSpan.FromSeconds(timeoutSeconds));

    // debugExit false: no isa-debug-exit, and a reset restarts the machine (as on a PC).
    public static HostProcessResult BootIsoUefi(string iso, int memoryMiB = 128, IEnumerable<string>? extraArguments = null, bool debugExit = true)
    {
        using var variables = QemuMachine.CopyUefiVariables();
        return Run(
            new QemuMachine
            {
                Cdrom = iso, UefiVariables = variables.Path, MemoryMiB = memoryMiB, DebugExit = debugExit, NoReboot = debugExit,
                ExtraArguments = [.. extraArguments ?? []],
            },
            TimeSpan.FromSeconds(120));
    }

    private static HostProcessResult Run(QemuMachine machine, TimeSpan timeout) =>
        HostProcess.Run(QemuMachine.Executable, machine.ToArguments(), timeout);
}
