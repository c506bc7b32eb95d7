using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Unikraft.Bench.Boot;

namespace Unikraft.Bench.Web;

// An initramfs for a Linux microVM that runs one server on port 80: a static busybox, the
// NIC's modules, the server binary with the shared libraries the host's ldd names for it
// (the guest runs on the host's glibc), the files it serves, and an /init that configures
// eth0 as slirp expects (10.0.2.15/24 gw 10.0.2.2) and then runs the server.
public sealed class MicroVmInitramfs
{
    private readonly CpioWriter _cpio;
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    private MicroVmInitramfs(CpioWriter cpio) => _cpio = cpio;

    // files: path inside → bytes; binary: the server, put at its own path inside.
    public static void Write(string path, LinuxModules.Parts parts, string moduleCache, string[] modules, string binary, string binaryInside,
        IReadOnlyDictionary<string, byte[]> files, string run, string ready)
    {
        var init = new StringBuilder();
        const string bb = "/bin/busybox";
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
        init.Append($"echo '{ready}'\n");
        init.Append(run).Append('\n');

        using FileStream file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        var image = new MicroVmInitramfs(new CpioWriter(gzip));
        foreach (string name in new[] { "bin", "dev", "lib", "proc", "sys", "tmp" })
            image.Directory(name);
        image._cpio.CharDevice("dev/console", 5, 1);
        image.File("bin/busybox", System.IO.File.ReadAllBytes(parts.Busybox), 0x1ED);
        foreach (string module in modules)
            image.File($"lib/{module}.ko", System.IO.File.ReadAllBytes(Path.Combine(moduleCache, module + ".ko")), 0x1A4);
        foreach (string library in SharedLibraries(binary))
            image.File(library.TrimStart('/'), System.IO.File.ReadAllBytes(library), 0x1ED);
        image.File(binaryInside.TrimStart('/'), System.IO.File.ReadAllBytes(binary), 0x1ED);
        foreach ((string inside, byte[] data) in files)
            image.File(inside.TrimStart('/'), data, 0x1A4);
        image.File("init", Encoding.ASCII.GetBytes(init.ToString()), 0x1ED);
        image._cpio.Finish();
    }

    private void Directory(string name)
    {
        string? parent = Path.GetDirectoryName(name);
        if (!string.IsNullOrEmpty(parent))
            Directory(parent);
        if (_directories.Add(name))
            _cpio.Directory(name);
    }

    private void File(string name, byte[] data, int permissions)
    {
        string? parent = Path.GetDirectoryName(name);
        if (!string.IsNullOrEmpty(parent))
            Directory(parent);
        _cpio.File(name, data, permissions);
    }

    // The binary's shared libraries and its ELF interpreter, as the host's ldd resolves them.
    private static List<string> SharedLibraries(string binary)
    {
        ProcessRunner.Result r = ProcessRunner.Run("ldd", [binary]);
        if (r.ExitCode != 0)
            throw new BenchException("ldd " + binary + " failed: " + (r.StdErr + r.StdOut).Trim());
        var libraries = new List<string>();
        foreach (Match m in Regex.Matches(r.StdOut, @"(?:=>\s*)?(/\S+)\s+\(0x", RegexOptions.Multiline))
            libraries.Add(m.Groups[1].Value);
        return libraries;
    }
}
