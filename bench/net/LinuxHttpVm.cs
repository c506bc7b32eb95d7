using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Unikraft.Bench.Boot;

namespace Unikraft.Bench.Net;

// The Linux side: Debian's stock kernel (the one bench/boot uses), the modules the NIC's
// driver needs (the stock kernel builds them as modules), and a static busybox in an initramfs
// whose /init configures eth0 statically as slirp expects (10.0.2.15/24 gw 10.0.2.2), writes
// the bulk file into the tmpfs root and runs busybox httpd on port 80 in the foreground.
// Cached under <repo>/.bench/net/linux.
public static class LinuxHttpVm
{
    public sealed record Images(string Kernel, string Initrd);

    public static Images Prepare(string repoRoot, string device, byte[] indexPage, int bulkMegabytes)
    {
        string cache = Path.Combine(repoRoot, ".bench", "net", "linux");
        string[] modules = NetDevice.LinuxModules(device);
        LinuxModules.Parts parts = LinuxModules.Prepare(repoRoot, cache, modules, device);
        string kernel = parts.Kernel, busybox = parts.Busybox;

        string initrd = Path.Combine(cache, "initramfs-" + device + ".cpio.gz");
        WriteInitramfs(initrd, busybox, cache, modules, indexPage, bulkMegabytes);
        return new Images(kernel, initrd);
    }

    private static void WriteInitramfs(string path, string busybox, string cache, string[] modules, byte[] indexPage, int bulkMegabytes)
    {
        const string bb = "/bin/busybox";
        var init = new StringBuilder();
        init.Append("#!/bin/busybox sh\n");
        init.Append($"{bb} mount -t proc proc /proc\n");
        init.Append($"{bb} mount -t sysfs sys /sys\n");
        init.Append($"{bb} mount -t devtmpfs dev /dev\n");
        foreach (string module in modules)
            init.Append($"{bb} insmod /lib/{module}.ko\n");
        init.Append($"{bb} ip link set lo up\n");
        init.Append($"{bb} ip addr add 10.0.2.15/24 dev eth0\n");
        init.Append($"{bb} ip link set eth0 up\n");
        init.Append($"{bb} ip route add default via 10.0.2.2\n");
        // The bulk file lives in the initramfs' tmpfs, so the disk is not what is measured.
        init.Append($"{bb} dd if=/dev/urandom of=/www/big bs=1048576 count={bulkMegabytes} 2>/dev/null\n");
        // A copy of /proc/meminfo for httpd to serve (the memory-per-idle-connection row),
        // refreshed every second and renamed into place so a reader never sees half of one.
        init.Append($"({bb} sh -c 'while :; do {bb} cat /proc/meminfo > /www/meminfo.new; {bb} mv /www/meminfo.new /www/meminfo.txt; {bb} sleep 1; done' &)\n");
        init.Append($"echo 'netbench: eth0 10.0.2.15/24 gw 10.0.2.2 (static), httpd on :80'\n");
        init.Append($"exec {bb} httpd -f -p 80 -h /www\n");

        using FileStream file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        var cpio = new CpioWriter(gzip);
        cpio.Directory("bin");
        cpio.Directory("dev");
        cpio.Directory("lib");
        cpio.Directory("proc");
        cpio.Directory("sys");
        cpio.Directory("www");
        cpio.CharDevice("dev/console", 5, 1);
        cpio.File("bin/busybox", File.ReadAllBytes(busybox));
        foreach (string module in modules)
            cpio.File($"lib/{module}.ko", File.ReadAllBytes(Path.Combine(cache, module + ".ko")), 0x1A4);
        cpio.File("www/index.html", indexPage, 0x1A4);
        cpio.File("init", Encoding.ASCII.GetBytes(init.ToString()));
        cpio.Finish();
    }
}
