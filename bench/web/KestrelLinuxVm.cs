using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Unikraft.Bench.Boot;
using Unikraft.Bench.Net;

namespace Unikraft.Bench.Web;

// The Linux side: apps/webapi's own sources published by the SDK with PublishAot for
// linux-x64 (what `dotnet publish` of a webapiaot app gives), in an initramfs with the shared
// libraries it links (from ldd), its wwwroot/ and appsettings.json, a static busybox and the
// NIC's modules, over Debian's stock kernel (bench/net's). /init configures eth0 as slirp
// expects and runs the app on port 80. Cached under <repo>/.bench/web.
public static class KestrelLinuxVm
{
    public sealed record Images(string Kernel, string Initrd, long BinaryBytes);

    const string App = "apps/webapi";

    public static Images Prepare(string repoRoot, bool skipBuild)
    {
        string cache = Path.Combine(repoRoot, ".bench", "web");
        Directory.CreateDirectory(cache);
        string[] modules = NetDevice.LinuxModules(NetDevice.Virtio);
        LinuxModules.Parts parts = LinuxModules.Prepare(repoRoot, Path.Combine(repoRoot, ".bench", "net", "linux"), modules, NetDevice.Virtio);
        string published = Publish(repoRoot, skipBuild);
        string initrd = Path.Combine(cache, "initramfs-kestrel.cpio.gz");
        WriteInitramfs(initrd, parts.Busybox, Path.Combine(repoRoot, ".bench", "net", "linux"), modules, published);
        return new Images(parts.Kernel, initrd, new FileInfo(Path.Combine(published, "webapi")).Length);
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

    static void WriteInitramfs(string path, string busybox, string moduleCache, string[] modules, string published)
    {
        const string bb = "/bin/busybox";
        var init = new StringBuilder();
        init.Append("#!/bin/busybox sh\n");
        init.Append($"{bb} mount -t proc proc /proc\n");
        init.Append($"{bb} mount -t sysfs sys /sys\n");
        init.Append($"{bb} mount -t devtmpfs dev /dev\n");
        init.Append($"{bb} mount -t tmpfs tmp /tmp\n");
        foreach (string module in modules)
            init.Append($"{bb} insmod /lib/{module}.ko\n");
        init.Append($"{bb} ip link set lo up\n");
        init.Append($"{bb} ip addr add 10.0.2.15/24 dev eth0\n");
        init.Append($"{bb} ip link set eth0 up\n");
        init.Append($"{bb} ip route add default via 10.0.2.2\n");
        init.Append("echo 'webbench: eth0 10.0.2.15/24 gw 10.0.2.2 (static), Kestrel on :80'\n");
        init.Append("cd /app\n");
        init.Append("export HOME=/tmp DOTNET_USE_POLLING_FILE_WATCHER=1\n");
        init.Append("exec /app/webapi --urls http://0.0.0.0:80\n");

        using FileStream file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        var cpio = new CpioWriter(gzip);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        void Directory(string name)
        {
            string? parent = Path.GetDirectoryName(name);
            if (!string.IsNullOrEmpty(parent))
                Directory(parent);
            if (directories.Add(name))
                cpio.Directory(name);
        }
        foreach (string name in new[] { "bin", "dev", "lib", "proc", "sys", "tmp", "app" })
            Directory(name);
        cpio.CharDevice("dev/console", 5, 1);
        cpio.File("bin/busybox", File.ReadAllBytes(busybox));
        foreach (string module in modules)
            cpio.File($"lib/{module}.ko", File.ReadAllBytes(Path.Combine(moduleCache, module + ".ko")), 0x1A4);
        foreach (string library in SharedLibraries(Path.Combine(published, "webapi")))
        {
            string inside = library.TrimStart('/');
            Directory(Path.GetDirectoryName(inside)!);
            cpio.File(inside, File.ReadAllBytes(library));
        }
        foreach (string published1 in System.IO.Directory.EnumerateFiles(published, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(published, published1);
            if (relative.EndsWith(".dbg", StringComparison.Ordinal))
                continue;
            string inside = "app/" + relative;
            Directory(Path.GetDirectoryName(inside)!);
            cpio.File(inside, File.ReadAllBytes(published1), relative == "webapi" ? 0x1ED : 0x1A4);
        }
        cpio.File("init", Encoding.ASCII.GetBytes(init.ToString()));
        cpio.Finish();
    }

    // The binary's shared libraries and its ELF interpreter, as the host's ldd resolves them
    // (the bench's guest runs on the same glibc).
    static List<string> SharedLibraries(string binary)
    {
        ProcessRunner.Result r = ProcessRunner.Run("ldd", [binary]);
        if (r.ExitCode != 0)
            throw new BenchException("ldd " + binary + " failed: " + r.StdErr.Trim());
        var libraries = new List<string>();
        foreach (Match m in Regex.Matches(r.StdOut, @"(?:=>\s*)?(/\S+)\s+\(0x", RegexOptions.Multiline))
            libraries.Add(m.Groups[1].Value);
        return libraries;
    }
}
