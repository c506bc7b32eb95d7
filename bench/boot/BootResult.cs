namespace Unikraft.Bench.Boot;

/// <summary>
/// The outcome of one QEMU boot: seconds from process start to the ready line (null when it
/// never appeared), QEMU's exit code (null when it was killed), and why it failed, if it did.
/// </summary>
public sealed record BootResult(double? SecondsToLine, int? ExitCode, string? Failure)
{
    public bool Ok => Failure is null;
}
