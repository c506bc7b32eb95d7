using System.Collections.Generic;

namespace Unikraft.Bench.Boot;

/// <summary>One unikernel boot path: its series, or why it was skipped.</summary>
public sealed record PathResult(string Name, BootSeries? Series, string? Skipped);

/// <summary>Everything one benchmark run measured.</summary>
public sealed record BenchResults(
    int Runs,
    bool Kvm,
    string? Elf,
    long? ElfBytes,
    string? Iso,
    long? IsoBytes,
    IReadOnlyList<PathResult> Paths,
    string LinuxKernel,
    BootSeries Linux,
    MemoryProbe.Result? UnikernelMemory,
    MemoryProbe.Result LinuxMemory,
    FullBcl.Result FullBcl);
