namespace Unikraft.Boot.Tests;

// Boots an image the three ways the project supports. The guest ends QEMU through
// isa-debug-exit, so QEMU's exit code is (guest code << 1) | 1; without the device (as on
// real machines) it powers off, and QEMU exits with 0.
internal static class Qemu
{
    public const string OvmfCode = "/usr/share/OVMF/OVMF_CODE_4M.fd";
    public const string OvmfVars = "/usr/share/OVMF/OVMF_VARS_4M.fd";

    public static int ExitCodeFor(int guestExitCode) => (guestExitCode << 1) | 1;

    public static ProcessResult BootElf(string elf, string? commandLine = null, int memoryMiB = 64, int timeoutSeconds = 60) =>
        Run(["-kernel", elf, .. (commandLine is null ? Array.Empty<string>() : ["-append", commandLine])], memoryMiB, TimeSpan.FromSeconds(timeoutSeconds));

    // A PC without ACPI tables: the kernel has to fall back to the 8259 PICs.
    public static ProcessResult BootElfWithoutAcpi(string elf, int memoryMiB = 64) =>
        Run(["-machine", "acpi=off", "-kernel", elf], memoryMiB, TimeSpan.FromSeconds(60));

    // A PVH boot with a file passed as a boot module (QEMU's -initrd).
    public static ProcessResult BootElfWithModule(string elf, string module, int memoryMiB) =>
        Run(["-kernel", elf, "-initrd", module], memoryMiB, TimeSpan.FromSeconds(60));

    // A direct boot with extra QEMU arguments (disks, devices, a machine type).
    public static ProcessResult BootElfWith(string elf, string? commandLine, IEnumerable<string> extraArguments, int memoryMiB = 32) =>
        Run(["-kernel", elf, .. (commandLine is null ? Array.Empty<string>() : ["-append", commandLine]), .. extraArguments], memoryMiB, TimeSpan.FromSeconds(60));

    // A PC as real machines are, by default without isa-debug-exit and with a reset that
    // restarts it: the guest ends QEMU itself by powering off (ACPI S5) or, with noReboot, by
    // resetting; otherwise QEMU runs until killed at the timeout. machine: a QEMU machine
    // type (pc, q35) with its properties.
    public static ProcessResult BootElfOn(string elf, string machine, bool debugExit = false, bool noReboot = false, int timeoutSeconds = 60,
        IEnumerable<string>? extraArguments = null) =>
        Run(["-machine", machine, "-kernel", elf, .. extraArguments ?? []], 64, TimeSpan.FromSeconds(timeoutSeconds), debugExit, noReboot);

    // extraArguments: disks, devices, a machine type, as for BootElfWith.
    // debugExit false: no isa-debug-exit, and a reset restarts the machine (as on a PC).
    public static ProcessResult BootIsoBios(string iso, int memoryMiB = 64, IEnumerable<string>? extraArguments = null, bool debugExit = true, int timeoutSeconds = 60) =>
        Run(["-boot", "d", "-cdrom", iso, .. extraArguments ?? []], memoryMiB, TimeSpan.FromSeconds(timeoutSeconds), debugExit, noReboot: debugExit);

    // debugExit false: no isa-debug-exit, and a reset restarts the machine (as on a PC).
    public static ProcessResult BootIsoUefi(string iso, int memoryMiB = 128, IEnumerable<string>? extraArguments = null, bool debugExit = true)
    {
        string vars = Path.Combine(Path.GetTempPath(), "uk-ovmf-vars-" + Guid.NewGuid().ToString("N") + ".fd");
        File.Copy(OvmfVars, vars);
        try
        {
            return Run(
                ["-boot", "d", "-cdrom", iso,
                 "-drive", "if=pflash,format=raw,readonly=on,file=" + OvmfCode,
                 "-drive", "if=pflash,format=raw,file=" + vars, .. extraArguments ?? []],
                memoryMiB, TimeSpan.FromSeconds(120), debugExit, noReboot: debugExit);
        }
        finally
        {
            File.Delete(vars);
        }
    }

    private static ProcessResult Run(string[] bootArguments, int memoryMiB, TimeSpan timeout, bool debugExit = true, bool noReboot = true)
    {
        List<string> arguments = ["-nodefaults", "-display", "none", "-serial", "stdio", "-m", memoryMiB + "M"];
        if (noReboot)
            arguments.Add("-no-reboot");
        if (debugExit)
            arguments.AddRange(["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]);
        // /dev/kvm existing proves nothing here (nested paravirtual KVM cannot run the guests).
        if (Environment.GetEnvironmentVariable("UK_KVM") == "1")
            arguments.AddRange(["-enable-kvm", "-cpu", "host"]);
        arguments.AddRange(bootArguments);
        return ProcessRunner.Run("qemu-system-x86_64", arguments, timeout);
    }
}
