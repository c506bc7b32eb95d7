using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Entry point. Exit code 0 when every boot succeeded, 1 when some run failed (figures are
/// still printed), 2 when the benchmark could not run at all.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            BenchOptions options = BenchOptions.Parse(args);
            if (options.GoalsOnly)
                return GoalsReport.Run(options);
            BenchResults results = Run(options);
            Console.WriteLine(TableReport.Render(results));
            Console.WriteLine(JsonReport.Render(results));
            bool anyFailed = results.Linux.Failures > 0 || results.Paths.Any(p => p.Series?.Failures > 0) || results.FullBcl.Series.Failures > 0;
            return anyFailed ? 1 : 0;
        }
        catch (BenchException e)
        {
            Console.Error.WriteLine($"bootbench: {e.Message}");
            return 2;
        }
    }

    static BenchResults Run(BenchOptions options)
    {
        string root = RepoRoot.Find(Directory.GetCurrentDirectory());
        HostTools tools = HostTools.Detect();
        HelloImages images = HelloImages.Locate(options, root);
        var qemu = new QemuBoot(tools);
        Console.WriteLine($"qemu: {tools.Qemu} ({(tools.Kvm ? "KVM: -enable-kvm -cpu host" : "TCG; set UK_KVM=1 for KVM")})");
        Console.WriteLine($"elf:  {images.Elf ?? "(none)"}");
        Console.WriteLine($"iso:  {images.Iso ?? "(none)"}");

        Console.WriteLine("preparing the Linux microVM baseline");
        LinuxBaseline.Images linux = LinuxBaseline.Prepare(root);

        var paths = new List<PathResult>();
        paths.Add(Measure(qemu, images.Elf is null ? null : BootSpecs.ElfKernel(images.Elf), "ELF -kernel",
            "no hello.elf", options.Runs));
        paths.Add(Measure(qemu, images.Iso is null ? null : BootSpecs.IsoSeaBios(images.Iso), "ISO SeaBIOS",
            "no hello.iso", options.Runs));
        paths.Add(Measure(qemu, images.Iso is null || tools.OvmfCode is null ? null : BootSpecs.IsoOvmf(images.Iso),
            "ISO OVMF", images.Iso is null ? "no hello.iso" : tools.OvmfMissingReason ?? "", options.Runs));

        BootSpec linuxSpec = BootSpecs.LinuxKernel(linux.Kernel, linux.Initrd);
        Console.WriteLine($"timing {linuxSpec.Name} ({linux.KernelPackage})");
        BootSeries linuxSeries = BootSeries.Measure(qemu, linuxSpec, options.Runs);

        MemoryProbe.Result? ukMem = null;
        if (images.Elf is not null)
        {
            Console.WriteLine("searching the smallest -m for hello.elf (1..64 MiB)");
            ukMem = MemoryProbe.Search(qemu, BootSpecs.ElfKernel(images.Elf), 1, 64);
        }
        Console.WriteLine("searching the smallest -m for the Linux microVM (16..512 MiB)");
        MemoryProbe.Result linuxMem = MemoryProbe.Search(qemu, linuxSpec, 16, 512);

        FullBcl.Result fullBcl = FullBcl.Measure(qemu, root, options);

        return new BenchResults(options.Runs, tools.Kvm,
            images.Elf, images.Elf is null ? null : new FileInfo(images.Elf).Length,
            images.Iso, images.Iso is null ? null : new FileInfo(images.Iso).Length,
            paths, linux.KernelPackage, linuxSeries, ukMem, linuxMem, fullBcl);
    }

    static PathResult Measure(QemuBoot qemu, BootSpec? spec, string name, string skipReason, int runs)
    {
        if (spec is null)
        {
            Console.WriteLine($"skipping {name}: {skipReason}");
            return new PathResult(name, null, skipReason);
        }
        Console.WriteLine($"timing {name}");
        return new PathResult(name, BootSeries.Measure(qemu, spec, runs), null);
    }
}
