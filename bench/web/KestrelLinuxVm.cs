using System;
using System.Collections.Generic;
using System.IO;
using Unikraft.Bench.Boot;
using Unikraft.Bench.Net;

namespace Unikraft.Bench.Web;

// The Linux side: apps/webapi's own sources published by the SDK with PublishAot for
// linux-x64 (what `dotnet publish` of a webapiaot app gives), with its wwwroot/ and
// appsettings.json, in a microVM initramfs (MicroVmInitramfs) over Debian's stock kernel
// (bench/net's). Cached under <repo>/.bench/web.
public static class KestrelLinuxVm
{
    public sealed record Images(string Kernel, string Initrd, long BinaryBytes, LinuxModules.Parts Parts);

    const string App = "apps/webapi";

    public static Images Prepare(string repoRoot, bool skipBuild)
    {
        string cache = Path.Combine(repoRoot, ".bench", "web");
        Directory.CreateDirectory(cache);
        string[] modules = NetDevice.LinuxModules(NetDevice.Virtio);
        LinuxModules.Parts parts = LinuxModules.Prepare(repoRoot, Path.Combine(repoRoot, ".bench", "net", "linux"), modules, NetDevice.Virtio);
        string published = Publish(repoRoot, skipBuild);
        string initrd = Path.Combine(cache, "initramfs-kestrel.cpio.gz");
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(published, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(published, file);
            if (relative != "webapi" && !relative.EndsWith(".dbg", StringComparison.Ordinal))
                files["app/" + relative] = File.ReadAllBytes(file);
        }
        MicroVmInitramfs.Write(initrd, parts, Path.Combine(repoRoot, ".bench", "net", "linux"), modules, Path.Combine(published, "webapi"), "app/webapi", files,
            "cd /app\nexport HOME=/tmp DOTNET_USE_POLLING_FILE_WATCHER=1\nexec /app/webapi --urls http://0.0.0.0:80",
            "webbench: eth0 10.0.2.15/24 gw 10.0.2.2 (static), Kestrel on :80");
        return new Images(parts.Kernel, initrd, new FileInfo(Path.Combine(published, "webapi")).Length, parts);
    }

    // The same sources as the image, in an ordinary project published with PublishAot.
    static string Publish(string root, bool skipBuild)
    {
        // Outside the repository, whose build settings (analyzers, warnings as errors) are not
        // an ordinary app's.
        string project = Path.Combine(Path.GetTempPath(), "unikraft-bench-webapi-publishaot");
        string output = Path.Combine(project, "out");
        if (skipBuild && File.Exists(Path.Combine(output, "webapi")))
            return output;
        Directory.CreateDirectory(project);
        string sources = Path.Combine(root, App);
        File.WriteAllText(Path.Combine(project, "webapi.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <PublishAot>true</PublishAot>
                <InvariantGlobalization>true</InvariantGlobalization>
                <Nullable>enable</Nullable>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <Compile Include="{sources}/*.cs" />
                <None Include="{sources}/appsettings.json" Link="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
                <None Include="{sources}/wwwroot/**" LinkBase="wwwroot" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        Console.WriteLine($"publishing {App} with PublishAot for linux-x64");
        ProcessRunner.Result r = ProcessRunner.Run("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-v", "q"], project);
        if (r.ExitCode != 0 || !File.Exists(Path.Combine(output, "webapi")))
            throw new BenchException("PublishAot of apps/webapi failed:\n" + (r.StdOut + r.StdErr).Trim());
        return output;
    }
}
