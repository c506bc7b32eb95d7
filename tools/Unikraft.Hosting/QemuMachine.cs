namespace Unikraft.Hosting;

/// <summary>
/// A QEMU machine for a unikernel image, as every host-side caller boots one: an x86_64 PC
/// with no default devices and no display, the serial console on standard I/O, isa-debug-exit
/// (QEMU then exits with (guest code &lt;&lt; 1) | 1) and -no-reboot, booted from the ELF (PVH),
/// the ISO (GRUB under SeaBIOS, or OVMF with <see cref="UefiVariables"/>) or a disk image.
/// <see cref="ToArguments"/> is QEMU's command line.
/// </summary>
public sealed record QemuMachine
{
    public const string Executable = "qemu-system-x86_64";
    public const string OvmfCode = "/usr/share/OVMF/OVMF_CODE_4M.fd";
    public const string OvmfVariables = "/usr/share/OVMF/OVMF_VARS_4M.fd";

    /// <summary>OVMF's firmware needs this much to boot.</summary>
    public const int UefiMinimumMiB = 128;

    /// <summary>QEMU's PVH loader puts its boot information about 4 KiB after the kernel
    /// command line without checking its length: a longer one overwrites it. Callers that take
    /// a command line from a user refuse longer ones (uk run, the manifest check); the builder
    /// passes any, so the tests can show what the kernel does with one.</summary>
    public const int MaxKernelCommandLineBytes = 4095;

    public int MemoryMiB { get; init; } = 64;

    /// <summary>-machine: a machine type with its properties (pc, q35, "q35,pit=off").</summary>
    public string? Machine { get; init; }

    /// <summary>An ELF booted directly (PVH), with <see cref="KernelCommandLine"/> and <see cref="Initrd"/>.</summary>
    public string? Kernel { get; init; }

    public string? KernelCommandLine { get; init; }

    public string? Initrd { get; init; }

    /// <summary>An ISO booted from the CD-ROM (GRUB).</summary>
    public string? Cdrom { get; init; }

    /// <summary>A disk image booted as the first hard disk.</summary>
    public string? BootDisk { get; init; }

    public string BootDiskFormat { get; init; } = "raw";

    /// <summary>A writable copy of <see cref="OvmfVariables"/>: boots under OVMF (UEFI) instead of SeaBIOS.</summary>
    public string? UefiVariables { get; init; }

    /// <summary>Where the guest's serial port goes, as QEMU's -serial names it: "stdio" (QEMU's
    /// standard input and output), "file:PATH"; null for a machine without one.</summary>
    public string? Serial { get; init; } = "stdio";

    /// <summary>isa-debug-exit: the guest's exit code becomes QEMU's ((code &lt;&lt; 1) | 1).</summary>
    public bool DebugExit { get; init; } = true;

    /// <summary>A reset ends QEMU instead of restarting the machine.</summary>
    public bool NoReboot { get; init; } = true;

    /// <summary>Hardware virtualisation; by default when UK_KVM=1 (an explicit opt-in: /dev/kvm
    /// existing proves nothing on nested machines).</summary>
    public bool Kvm { get; init; } = Environment.GetEnvironmentVariable("UK_KVM") == "1";

    /// <summary>Waits for gdb on port 1234, halted (-s -S).</summary>
    public bool WaitForDebugger { get; init; }

    /// <summary>Devices, drives, networks and anything else, after the rest.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>(guest code &lt;&lt; 1) | 1: QEMU's exit code for a guest exit through isa-debug-exit.</summary>
    public static int ExitCodeFor(int guestExitCode) => (guestExitCode << 1) | 1;

    /// <summary>The guest's exit code from QEMU's when it came through isa-debug-exit (odd), else QEMU's own.</summary>
    public static int GuestExitCode(int qemuExitCode) => qemuExitCode % 2 == 1 ? qemuExitCode >> 1 : qemuExitCode;

    public IReadOnlyList<string> ToArguments()
    {
        int sources = (Kernel is null ? 0 : 1) + (Cdrom is null ? 0 : 1) + (BootDisk is null ? 0 : 1);
        if (sources != 1)
            throw new InvalidOperationException("a QEMU machine boots from exactly one of Kernel, Cdrom and BootDisk");

        var arguments = new List<string> { "-nodefaults", "-display", "none" };
        if (Serial is not null)
            arguments.AddRange(["-serial", Serial]);
        if (NoReboot)
            arguments.Add("-no-reboot");
        int memory = UefiVariables is null ? MemoryMiB : Math.Max(MemoryMiB, UefiMinimumMiB);
        arguments.AddRange(["-m", memory + "M"]);
        if (Machine is not null)
            arguments.AddRange(["-machine", Machine]);
        if (DebugExit)
            arguments.AddRange(["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]);
        if (Kvm)
            arguments.AddRange(["-enable-kvm", "-cpu", "host"]);
        if (UefiVariables is not null)
        {
            arguments.AddRange(["-drive", "if=pflash,format=raw,readonly=on,file=" + OvmfCode]);
            arguments.AddRange(["-drive", "if=pflash,format=raw,file=" + UefiVariables]);
        }

        if (Kernel is not null)
        {
            arguments.AddRange(["-kernel", Kernel]);
            if (!string.IsNullOrEmpty(KernelCommandLine))
                arguments.AddRange(["-append", KernelCommandLine]);
            if (Initrd is not null)
                arguments.AddRange(["-initrd", Initrd]);
        }
        else if (Cdrom is not null)
        {
            arguments.AddRange(["-boot", "d", "-cdrom", Cdrom]);
        }
        else
        {
            arguments.AddRange(["-drive", $"file={BootDisk},format={BootDiskFormat}"]);
        }

        if (WaitForDebugger)
            arguments.AddRange(["-s", "-S"]);
        arguments.AddRange(ExtraArguments);
        return arguments;
    }

    /// <summary>A writable copy of OVMF's variable store, deleted when disposed.</summary>
    public static UefiVariablesCopy CopyUefiVariables() => new();
}

/// <summary>A per-boot copy of OVMF's variable store (QEMU writes to it).</summary>
public sealed class UefiVariablesCopy : IDisposable
{
    internal UefiVariablesCopy()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "uk-ovmf-vars-" + Guid.NewGuid().ToString("N") + ".fd");
        File.Copy(QemuMachine.OvmfVariables, Path);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
