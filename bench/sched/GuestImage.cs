using System;
using System.Collections.Generic;
using System.IO;
using Unikraft.Hosting;

namespace Unikraft.Bench.Sched;

// One guest image (guest/<folder>, a scheduling policy): built with dotnet build in Release,
// then booted with -kernel under QEMU; each boot prints its "bench" lines and exits 0 through
// isa-debug-exit (QEMU exit code 1).
internal sealed class GuestImage
{
    private static readonly TimeSpan BootLimit = TimeSpan.FromSeconds(60);

    public GuestImage(string label, string folder, string name)
    {
        Label = label;
        Folder = folder;
        Name = name;
    }

    public string Label { get; }

    public string Folder { get; }

    public string Name { get; }

    public List<string> Failures { get; } = new List<string>();

    public string Project(string root) => Path.Combine(root, "bench", "sched", "guest", Folder);

    public string Elf(string root) => Path.Combine(Project(root), "bin", "Release", Name + ".elf");

    public void Build(string root)
    {
        Console.WriteLine("building " + Project(root) + " (Release)");
        ProcessRunner.Result build = ProcessRunner.Run("dotnet", new[] { "build", Project(root), "-c", "Release", "-nologo", "-v", "q" }, TimeSpan.FromMinutes(10));
        if (build.ExitCode != 0)
            throw new BenchException("building " + Name + " failed:\n" + BenchLines.Tail(build.Output, 30));
    }

    public Medians Figures { get; } = new Medians();

    // One boot; its figures join Figures, a failure joins Failures.
    public void Boot(string root, int boot, bool kvm)
    {
        string elf = Elf(root);
        if (!File.Exists(elf))
            throw new BenchException(elf + " does not exist (build it, or run without --skip-build)");
        // QemuMachine: the command line uk and the tests boot images with.
        var machine = new QemuMachine { Kernel = elf, Kvm = kvm };
        ProcessRunner.Result run = ProcessRunner.Run(QemuMachine.Executable, machine.ToArguments(), BootLimit);
        BenchLines lines = BenchLines.Parse(run.Output);
        if (run.ExitCode != 1 || !lines.Done)
        {
            string failure = Name + " boot " + boot + ": QEMU exit " + run.ExitCode + (lines.Done ? "" : ", no 'bench done'") + "; last lines:\n" + BenchLines.Tail(run.Output, 12);
            Failures.Add(failure);
            Console.WriteLine("  " + failure.Replace("\n", "\n    "));
            return;
        }
        Figures.Add(lines);
        Console.WriteLine("  " + Label + " boot " + boot + ": yield " + Show(lines, "yield") + ", semaphore handoff " + Show(lines, "semaphore-handoff") + " cycles");
    }

    private static string Show(BenchLines lines, string name) =>
        lines.Figures.TryGetValue(name, out double value) ? value.ToString("0") : "n/a";
}
