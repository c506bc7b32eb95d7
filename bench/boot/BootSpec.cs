using Unikraft.Hosting;

namespace Unikraft.Bench.Boot;

/// <summary>
/// One QEMU invocation to time: the machine (its memory, acceleration and OVMF variables are
/// set per run), the serial line that marks "booted", and the QEMU exit code a clean guest
/// exit produces.
/// </summary>
public sealed record BootSpec(
    string Name,
    QemuMachine Machine,
    int MemoryMiB,
    string ReadyLine,
    int ExpectedExitCode,
    bool NeedsOvmfVars = false);
