using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Unikraft.Bench.Boot;

namespace Unikraft.Bench.Blk;

// The Linux side: Debian's stock kernel (the one bench/boot uses), its virtio modules (the
// stock kernel builds virtio-blk as a module), a static busybox and blkbench.c compiled
// with gcc -static, in an initramfs whose /init loads the modules, runs the benchmark on
// /dev/vda and powers off. Cached under <repo>/.bench/blk/linux.
public static class LinuxMicroVm
{
    // Load order: each module after the ones it uses.
    private static readonly string[] Modules =
        ["virtio_ring", "virtio", "virtio_pci_legacy_dev", "virtio_pci_modern_dev", "virtio_pci", "virtio_blk"];

    public sealed record Images(string Kernel, string Initrd);

    public static Images Prepare(string repoRoot, long sequentialOps, long randomOps)
    {
        string cache = Path.Combine(repoRoot, ".bench", "blk", "linux");
        LinuxModules.Parts parts = LinuxModules.Prepare(repoRoot, cache, Modules, "virtio-blk");
        string kernel = parts.Kernel, busybox = parts.Busybox;

        string program = Path.Combine(cache, "blkbench");
        ProcessRunner.Result gcc = ProcessRunner.Run("gcc", ["-O2", "-static", "-o", program, Path.Combine(repoRoot, "bench", "blk", "linux", "blkbench.c")]);
        if (gcc.ExitCode != 0)
            throw new BenchException("gcc -static failed (the Linux baseline needs gcc and libc6-dev): " + gcc.StdErr.Trim());

        string initrd = Path.Combine(cache, "initramfs.cpio.gz");
        WriteInitramfs(initrd, busybox, program, cache, sequentialOps, randomOps);
        return new Images(kernel, initrd);
    }

    private static void WriteInitramfs(string path, string busybox, string program, string modules, long sequentialOps, long randomOps)
    {
        var init = new StringBuilder();
        init.Append("#!/bin/busybox sh\n");
        init.Append("/bin/busybox mount -t proc proc /proc\n");
        init.Append("/bin/busybox mount -t sysfs sys /sys\n");
        init.Append("/bin/busybox mount -t devtmpfs dev /dev\n");
        foreach (string module in Modules)
            init.Append($"/bin/busybox insmod /lib/{module}.ko\n");
        init.Append($"/bin/blkbench /dev/vda {sequentialOps} {randomOps}\n");
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
        foreach (string module in Modules)
            cpio.File($"lib/{module}.ko", File.ReadAllBytes(Path.Combine(modules, module + ".ko")), 0x1A4);
        cpio.File("init", Encoding.ASCII.GetBytes(init.ToString()));
        cpio.Finish();
    }
}
