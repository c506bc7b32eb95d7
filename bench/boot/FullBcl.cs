using System;
using System.IO;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Hello on .NET's own base class library (tests/apps/hello-dotnet, the dotnet library) beside
/// the same program published with PublishAot for linux-x64 with default settings, and beside
/// the minimal-corlib hello: image sizes, boot time to the greeting, smallest -m.
/// </summary>
public static class FullBcl
{
    public const string ReadyLine = "Hello from .NET's own base class library!";
    const string App = "tests/apps/hello-dotnet";

    public sealed record Result(long ElfBytes, long? PublishAotBytes, string? PublishAotSkipped, BootSeries Series, MemoryProbe.Result Memory);

    public static Result Measure(QemuBoot qemu, string root, BenchOptions options)
    {
        string elf = Path.Combine(root, App, "bin", "dotnet", "Release", "hello-dotnet.elf");
        if (!options.SkipBuild)
        {
            Console.WriteLine($"building: dotnet build {App} -c Release");
            Check(ProcessRunner.Run("dotnet", ["build", App, "-c", "Release", "-nologo", "-v", "q", "-p:UkBuildIso=false"], root), "dotnet build " + App);
        }
        if (!File.Exists(elf))
            throw new BenchException($"no {elf}: build {App} with -c Release");

        (long? aotBytes, string? aotSkipped) = PublishAotTwin(root, options);
        var spec = new BootSpec("full-BCL ELF -kernel", BootSpecs.ElfKernel(elf).Machine, 64, ReadyLine, 1);
        Console.WriteLine($"timing {spec.Name}");
        BootSeries series = BootSeries.Measure(qemu, spec, options.Runs);
        Console.WriteLine("searching the smallest -m for hello-dotnet.elf (1..64 MiB)");
        MemoryProbe.Result memory = MemoryProbe.Search(qemu, spec, 1, 64);
        return new Result(new FileInfo(elf).Length, aotBytes, aotSkipped, series, memory);
    }

    // The app's own Program.cs as an ordinary console project, published by the SDK.
    static (long?, string?) PublishAotTwin(string root, BenchOptions options)
    {
        string project = Path.Combine(Path.GetTempPath(), "unikraft-bench-publishaot");
        string output = Path.Combine(project, "out");
        string binary = Path.Combine(output, "hello");
        if (options.SkipBuild && File.Exists(binary))
            return (new FileInfo(binary).Length, null);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "hello.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <PublishAot>true</PublishAot>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="{Path.Combine(root, App, "Program.cs")}" />
              </ItemGroup>
            </Project>
            """);
        Console.WriteLine("publishing the same program with PublishAot for linux-x64 (default settings)");
        ProcessRunner.Result r = ProcessRunner.Run("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-v", "q"], project);
        if (r.ExitCode != 0 || !File.Exists(binary))
            return (null, "PublishAot failed: " + (r.StdOut + r.StdErr).Trim());
        return (new FileInfo(binary).Length, null);
    }

    static void Check(ProcessRunner.Result r, string what)
    {
        if (r.ExitCode != 0)
            throw new BenchException($"{what} failed (exit {r.ExitCode}):\n{r.StdOut.Trim()}\n{r.StdErr.Trim()}");
    }
}
