using System.Globalization;

namespace Unikraft.Bench.Boot;

/// <summary>
/// What hello on the minimal corlib must stay within (README, "What it is"): an ELF of at most
/// 64 KiB and a guest that runs in 2 MiB. The report puts the measured figures beside them.
/// </summary>
public static class HelloGoals
{
    public const long ElfBytes = 65_536;
    public const int MemoryMiB = 2;

    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static bool SizeMet(long elfBytes) => elfBytes <= ElfBytes;

    public static bool MemoryMet(MemoryProbe.Result memory) => memory.SmallestMiB is int m && m <= MemoryMiB;

    /// <summary>"61,440 of 65,536 bytes (0.938 of the goal, 4,096 bytes under): met".</summary>
    public static string SizeLine(long elfBytes)
    {
        long margin = ElfBytes - elfBytes;
        string side = margin >= 0
            ? string.Format(C, "{0:N0} bytes under", margin)
            : string.Format(C, "{0:N0} bytes over", -margin);
        return string.Format(C, "{0:N0} of {1:N0} bytes ({2:0.000} of the goal, {3}): {4}",
            elfBytes, ElfBytes, (double)elfBytes / ElfBytes, side, SizeMet(elfBytes) ? "met" : "MISSED");
    }

    /// <summary>"2 MiB of 2 MiB (1.00 of the goal): met".</summary>
    public static string MemoryLine(MemoryProbe.Result memory)
    {
        string ratio = memory.SmallestMiB is int m
            ? string.Format(C, "{0:0.00} of the goal", (double)m / MemoryMiB)
            : "did not boot";
        return string.Format(C, "{0} of {1} MiB ({2}): {3}", memory.Display, MemoryMiB, ratio, MemoryMet(memory) ? "met" : "MISSED");
    }
}
