using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Unikraft.Bench.Boot;

namespace Unikraft.Bench.Blk;

// The Linux side: Debian's stock kernel (the one bench/boot uses), its virtio modules (the
// stock kernel builds virtio-blk as a module; NVMe too, with its CRC helpers), a static busybox and blkbench.c compiled
// with gcc -static, in an initramfs whose /init loads the modules, runs the benchmark on
// the disk (/dev/vda, /dev/nvme0n1) and powers off. Cached under <repo>/.bench/blk/linux.
public static class LinuxMicroVm
{
    public sealed record Images(string Kernel, string Initrd);

    // modules in load order (each after the ones it uses); disk is the device node blkbench opens.
    public static Images Prepare(string repoRoot, long sequentialOps, long randomOps, string[] modules, string disk, string purpose)
    {
        string cache = Path.Combine(repoRoot, ".bench", "blk", "linux");
        LinuxModules.Parts parts = LinuxModules.Prepare(repoRoot, cache, modules, purpose);
        string kernel = parts.Kernel, busybox = parts.Busybox;

        string program = Path.Combine(cache, "blkbench");
        ProcessRunner.Result gcc = ProcessRunner.Run("gcc", ["-O2", "-static", "-o", program, Path.Combine(repoRoot, "bench", "blk", "linux", "blkbench.c")]);
        if (gcc.ExitCode != 0)
            throw new BenchException("gcc -static failed (the Linux baseline needs gcc and libc6-dev): " + gcc.StdErr.Trim());

        string initrd = Path.Combine(cache, "initramfs-" + purpose + ".cpio.gz");
        WriteInitramfs(initrd, busybox, program, cache, modules, disk, sequentialOps, randomOps);
        return new Images(kernel, initrd);
    }

    private static void WriteInitramfs(string path, string busybox, string program, string cache, string[] modules, string disk, long sequentialOps, long randomOps)
    {
        var init = new StringBuilder();
        init.Append("#!/bin/busybox sh\n");
        init.Append("/bin/busybox mount -t proc proc /proc\n");
        init.Append("/bin/busybox mount -t sysfs sys /sys\n");
        init.Append("/bin/busybox mount -t devtmpfs dev /dev\n");
        foreach (string module in modules)
            init.Append($"/bin/busybox insmod /lib/{module}.ko\n");
        // The NVMe driver probes asynchronously: wait for the node (at most 10 s).
        init.Append($"for i in $(/bin/busybox seq 100); do [ -b {disk} ] && break; /bin/busybox sleep 0.1; done\n");
        init.Append($"/bin/blkbench {disk} {sequentialOps} {randomOps}\n");
        init.Append("/bin/busybox poweroff -f\n");

        using FileStream file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        var cpio = new CpioWriter(gzip);
        cpio.Directory("bin");
        cpio.Directory("dev");
        cpio.Directory("lib");
        cpio.Directory("proc");
        cpio.Directory("sys");
        cpio.CharDevice("dev/console", 5, 1);
        cpio.File("bin/busybox", File.ReadAllBytes(busybox));
        cpio.File("bin/blkbench", File.ReadAllBytes(program));
        foreach (string module in modules)
            cpio.File($"lib/{module}.ko", File.ReadAllBytes(Path.Combine(cache, module + ".ko")), 0x1A4);
        cpio.File("init", Encoding.ASCII.GetBytes(init.ToString()));
        cpio.Finish();
    }
}
