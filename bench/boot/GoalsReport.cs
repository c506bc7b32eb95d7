using System;
using System.IO;
using System.Text.Json.Nodes;

namespace Unikraft.Bench.Boot;

/// <summary>
/// <c>--goals</c>: only the figures the hello goals are about, without the timed boots and
/// the Linux baseline: the ELF's size beside 64 KiB and the smallest -m beside 2 MiB.
/// Exit code 0 when both goals are met, 1 when one is missed.
/// </summary>
public static class GoalsReport
{
    public static int Run(BenchOptions options)
    {
        string root = RepoRoot.Find(Directory.GetCurrentDirectory());
        HostTools tools = HostTools.Detect();
        HelloImages images = HelloImages.Locate(options, root);
        if (images.Elf is null)
            throw new BenchException("--goals needs hello.elf (pass --elf, or build apps/hello).");
        Console.WriteLine($"elf:  {images.Elf}");
        long elfBytes = new FileInfo(images.Elf).Length;
        Console.WriteLine("searching the smallest -m for hello.elf (1..64 MiB)");
        MemoryProbe.Result memory = MemoryProbe.Search(new QemuBoot(tools), BootSpecs.ElfKernel(images.Elf), 1, 64);

        Console.WriteLine();
        Console.WriteLine($"{"size goal",-18} {HelloGoals.SizeLine(elfBytes)}");
        Console.WriteLine($"{"memory goal",-18} {HelloGoals.MemoryLine(memory)}");
        JsonObject json = new() { ["elf_bytes"] = elfBytes, ["goals"] = JsonReport.Goals(elfBytes, memory) };
        Console.WriteLine(JsonReport.Prefix + json.ToJsonString());
        return HelloGoals.SizeMet(elfBytes) && HelloGoals.MemoryMet(memory) ? 0 : 1;
    }
}
