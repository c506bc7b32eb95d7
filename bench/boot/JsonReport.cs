using System.Linq;
using System.Text.Json.Nodes;

namespace Unikraft.Bench.Boot;

/// <summary>The machine-readable result: one line, prefixed "BENCH-JSON: ".</summary>
public static class JsonReport
{
    public const string Prefix = "BENCH-JSON: ";

    public static string Render(BenchResults r)
    {
        double? linux = r.Linux.Median;
        var json = new JsonObject
        {
            ["runs"] = r.Runs,
            ["accel"] = r.Kvm ? "kvm" : "tcg",
            ["elf_bytes"] = r.ElfBytes,
            ["goals"] = Goals(r.ElfBytes, r.UnikernelMemory),
            ["full_bcl"] = new JsonObject
            {
                ["elf_bytes"] = r.FullBcl.ElfBytes,
                ["publish_aot_bytes"] = r.FullBcl.PublishAotBytes,
                ["median_s"] = Format.Round(r.FullBcl.Series.Median, 4),
                ["failures"] = r.FullBcl.Series.Failures,
                ["smallest_mib"] = r.FullBcl.Memory.SmallestMiB,
            },
            ["iso_bytes"] = r.IsoBytes,
            ["paths"] = new JsonArray([.. r.Paths.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["skipped"] = p.Skipped,
                ["median_s"] = Format.Round(p.Series?.Median, 4),
                ["times_s"] = p.Series is null ? null : new JsonArray([.. p.Series.Times.Select(t => (JsonNode?)System.Math.Round(t, 4))]),
                ["failures"] = p.Series?.Failures,
                ["linux_median_s"] = Format.Round(linux, 4),
                ["speedup"] = p.Series?.Median is double m && linux is double l && m > 0 ? System.Math.Round(l / m, 2) : null,
            })]),
            ["linux"] = new JsonObject
            {
                ["kernel"] = r.LinuxKernel,
                ["median_s"] = Format.Round(linux, 4),
                ["times_s"] = new JsonArray([.. r.Linux.Times.Select(t => (JsonNode?)System.Math.Round(t, 4))]),
                ["failures"] = r.Linux.Failures,
            },
            ["min_mem_mib"] = new JsonObject
            {
                ["unikernel"] = r.UnikernelMemory?.SmallestMiB,
                ["linux"] = r.LinuxMemory.SmallestMiB,
            },
        };
        return Prefix + json.ToJsonString();
    }

    /// <summary>The hello goals beside what was measured (null where it was not).</summary>
    public static JsonObject Goals(long? elfBytes, MemoryProbe.Result? memory) => new()
    {
        ["elf_bytes_max"] = HelloGoals.ElfBytes,
        ["elf_ratio"] = elfBytes is long e ? System.Math.Round((double)e / HelloGoals.ElfBytes, 4) : null,
        ["elf_met"] = elfBytes is long b ? HelloGoals.SizeMet(b) : null,
        ["memory_mib_max"] = HelloGoals.MemoryMiB,
        ["memory_mib"] = memory?.SmallestMiB,
        ["memory_met"] = memory is null ? null : HelloGoals.MemoryMet(memory),
    };
}
