using System.Collections.Generic;

namespace Unikraft.Bench.Boot;

/// <summary>
/// One QEMU invocation to time: its arguments (minus -m and acceleration), the serial line
/// that marks "booted", and the QEMU exit code a clean guest exit produces.
/// </summary>
public sealed record BootSpec(
    string Name,
    IReadOnlyList<string> Args,
    int MemoryMiB,
    string ReadyLine,
    int ExpectedExitCode,
    bool NeedsOvmfVars = false);
