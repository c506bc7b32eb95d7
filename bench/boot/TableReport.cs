using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Unikraft.Bench.Boot;

/// <summary>The human-readable result table.</summary>
public static class TableReport
{
    private static readonly CompositeFormat Row = CompositeFormat.Parse("{0,-18} {1,-13} {2,-15} {3}");

    public static string Render(BenchResults r)
    {
        var sb = new StringBuilder();
        var notes = new List<string>();
        double? linux = r.Linux.Median;
        sb.AppendLine();
        sb.AppendLine($"boot time to first line: median of {r.Runs} runs, host wall clock, {(r.Kvm ? "KVM" : "TCG (no KVM)")}");
        sb.AppendFormat(CultureInfo.InvariantCulture, Row, "boot path", "unikernel", "linux microVM", "ratio").AppendLine();
        foreach (PathResult p in r.Paths)
        {
            bool viaKernel = p.Name != "ELF -kernel";
            string linuxCell = Format.Seconds(linux) + (viaKernel && linux is not null ? " *" : "");
            if (p.Series is null)
            {
                sb.AppendFormat(CultureInfo.InvariantCulture, Row, p.Name, "skipped", linuxCell, "").AppendLine();
                notes.Add($"{p.Name}: skipped: {p.Skipped}");
                continue;
            }
            sb.AppendFormat(CultureInfo.InvariantCulture, Row, p.Name, Format.Seconds(p.Series.Median), linuxCell,
                Format.Ratio(p.Series.Median, linux, "faster", "slower")).AppendLine();
            if (p.Series.Failures > 0)
                notes.Add($"{p.Name}: {p.Series.Failures} of {p.Series.Runs.Count} runs FAILED (median is over the rest)");
        }
        if (r.Linux.Failures > 0)
            notes.Add($"linux microVM: {r.Linux.Failures} of {r.Linux.Runs.Count} runs FAILED (median is over the rest)");

        string sizes = string.Join(", ", Sizes(r));
        sb.AppendFormat("{0,-18} {1}", "image size", sizes.Length > 0 ? sizes : "n/a").AppendLine();
        sb.AppendFormat(CultureInfo.InvariantCulture, Row, "smallest -m", r.UnikernelMemory?.Display ?? "n/a", r.LinuxMemory.Display,
            Format.Ratio(r.UnikernelMemory?.SmallestMiB, r.LinuxMemory.SmallestMiB, "less", "more")).AppendLine();
        if (r.ElfBytes is long elfBytes)
            sb.AppendFormat("{0,-18} {1}", "size goal", HelloGoals.SizeLine(elfBytes)).AppendLine();
        if (r.UnikernelMemory is MemoryProbe.Result memory)
            sb.AppendFormat("{0,-18} {1}", "memory goal", HelloGoals.MemoryLine(memory)).AppendLine();

        FullBcl.Result f = r.FullBcl;
        double? minimal = r.Paths.FirstOrDefault(p => p.Name == "ELF -kernel")?.Series?.Median;
        sb.AppendLine();
        sb.AppendLine("hello on .NET's own base class library (dotnet library) vs the same program published with PublishAot, and vs the minimal-corlib hello");
        sb.AppendFormat("{0,-18} {1} vs PublishAot {2} {3}", "image size", $"{f.ElfBytes} bytes",
            f.PublishAotBytes is long a ? $"{a} bytes" : "n/a (" + f.PublishAotSkipped + ")",
            f.PublishAotBytes is long b ? $"({(double)f.ElfBytes / b:0.00}x)" : "").AppendLine();
        sb.AppendFormat("{0,-18} {1} vs minimal hello {2} {3}", "boot to greeting", Format.Seconds(f.Series.Median), Format.Seconds(minimal),
            f.Series.Median is double d && minimal is double m && m > 0 ? $"({d / m:0.00}x)" : "").AppendLine();
        sb.AppendFormat("{0,-18} {1}", "smallest -m", f.Memory.Display).AppendLine();
        if (f.Series.Failures > 0)
            notes.Add($"full-BCL hello: {f.Series.Failures} of {f.Series.Runs.Count} runs FAILED");

        sb.AppendLine();
        sb.AppendLine($"* the Linux baseline has no ISO boot here: ISO rows compare against its -kernel figure ({r.LinuxKernel}).");
        sb.AppendLine("  smallest -m: ELF via -kernel (search 1..64 MiB) vs Linux via -kernel (search 16..512 MiB).");
        foreach (string n in notes) sb.AppendLine("! " + n);
        return sb.ToString();
    }

    static IEnumerable<string> Sizes(BenchResults r)
    {
        if (r.ElfBytes is long e) yield return $"hello.elf {Format.Size(e)} ({e} bytes)";
        if (r.IsoBytes is long i) yield return $"hello.iso {Format.Size(i)} ({i} bytes)";
    }
}
