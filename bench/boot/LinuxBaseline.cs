using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Prepares the Linux microVM baseline: Debian's stock kernel (the package linux-image-amd64
/// depends on) plus a busybox initramfs, cached under &lt;repo&gt;/.bench/boot/linux.
/// </summary>
public static class LinuxBaseline
{
    public sealed record Images(string Kernel, string KernelPackage, string Initrd);

    public static Images Prepare(string repoRoot)
    {
        string cache = Path.Combine(repoRoot, ".bench", "boot", "linux");
        Directory.CreateDirectory(cache);

        string kernel = Directory.EnumerateFiles(cache, "vmlinuz-*").OrderDescending().FirstOrDefault()
            ?? FetchKernel(cache);
        string busybox = Path.Combine(cache, "busybox");
        if (!File.Exists(busybox))
        {
            string deb = DebianPackage.Download("busybox-static", cache);
            DebianPackage.ExtractFile(deb, new Regex(@"^bin/busybox$"), cache);
        }

        string initrd = Path.Combine(cache, "initramfs.cpio.gz");
        Initramfs.Write(busybox, initrd);
        return new Images(kernel, Path.GetFileName(kernel), initrd);
    }

    static string FetchKernel(string cache)
    {
        string package = DebianPackage.ResolveDependency("linux-image-amd64", "linux-image-");
        string deb = DebianPackage.Download(package, cache);
        string kernel = DebianPackage.ExtractFile(deb, new Regex(@"^boot/vmlinuz-"), cache);
        File.Delete(deb);   // 70 MB we no longer need once vmlinuz is out
        Console.WriteLine($"  extracted {Path.GetFileName(kernel)} from {package}");
        return kernel;
    }
}
