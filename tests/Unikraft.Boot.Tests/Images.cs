namespace Unikraft.Boot.Tests;

// Builds each test image once per test run, through the same `dotnet build` a user runs.
internal sealed class Images
{
    private static readonly Lazy<BuiltImage> HelloImage = new(() => Build("apps/hello", "hello"));
    private static readonly Lazy<BuiltImage> TypeSystemImage = new(() => Build("tests/apps/typesystem", "typesystem"));

    public static BuiltImage Hello => HelloImage.Value;

    public static BuiltImage TypeSystem => TypeSystemImage.Value;

    private static readonly Lazy<BuiltImage> ThreadsImage = new(() => Build("apps/threads", "threads"));

    public static BuiltImage Threads => ThreadsImage.Value;

    private static readonly Dictionary<string, BuiltImage> AllocatorImages = new();

    // tests/apps/alloc-<allocator>: the shared stress app over one allocator library.
    public static BuiltImage Allocator(string allocator)
    {
        lock (AllocatorImages)
        {
            if (!AllocatorImages.TryGetValue(allocator, out BuiltImage? image))
                AllocatorImages[allocator] = image = Build("tests/apps/alloc-" + allocator, "alloc-" + allocator);
            return image;
        }
    }

    private static readonly Dictionary<string, BuiltImage> SchedulerImages = new();

    // tests/apps/sched-<policy>: the shared scheduler scenarios over one scheduler library.
    public static BuiltImage Scheduler(string policy)
    {
        lock (SchedulerImages)
        {
            if (!SchedulerImages.TryGetValue(policy, out BuiltImage? image))
                SchedulerImages[policy] = image = Build("tests/apps/sched-" + policy, "sched-" + policy);
            return image;
        }
    }

    private static readonly Dictionary<string, BuiltImage> CollectorImages = new();

    // tests/apps/gc-<name>: the shared collector scenarios under one scheduler (coop, preempt),
    // or hello's program with ukgc-none (none).
    public static BuiltImage Collector(string name)
    {
        lock (CollectorImages)
        {
            if (!CollectorImages.TryGetValue(name, out BuiltImage? image))
                CollectorImages[name] = image = Build("tests/apps/gc-" + name, "gc-" + name);
            return image;
        }
    }

    public static ProcessResult DotnetBuild(string projectDirectory) =>
        ProcessRunner.Run("dotnet", ["build", Repository.PathOf(projectDirectory), "-nologo", "-v", "minimal"], TimeSpan.FromMinutes(10));

    private static BuiltImage Build(string projectDirectory, string name)
    {
        ProcessResult build = DotnetBuild(projectDirectory);
        if (build.ExitCode != 0)
            throw new InvalidOperationException("dotnet build " + projectDirectory + " failed:\n" + build.Output);
        string output = Repository.PathOf(Path.Combine(projectDirectory, "bin", "Debug"));
        return new BuiltImage(Path.Combine(output, name + ".elf"), Path.Combine(output, name + ".iso"), build.Output);
    }
}

internal sealed record BuiltImage(string Elf, string Iso, string BuildOutput);
