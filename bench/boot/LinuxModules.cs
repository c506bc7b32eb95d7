using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Unikraft.Bench.Boot;

// For the benches whose Linux microVM needs drivers the stock Debian kernel builds as modules
// (bench/blk: virtio_blk, bench/net: virtio_net): the kernel (bench/boot's cached one when
// there is one), the named modules from the same linux-image package, and a static busybox,
// all cached in the bench's own directory; the package is downloaded, never installed.
public static class LinuxModules
{
    public sealed record Parts(string Kernel, string Busybox);

    public static Parts Prepare(string repoRoot, string cache, string[] modules, string purpose)
    {
        Directory.CreateDirectory(cache);
        string bootCache = Path.Combine(repoRoot, ".bench", "boot", "linux");

        string? kernel = FirstKernel(cache) ?? FirstKernel(bootCache);
        string package = kernel is null
            ? DebianPackage.ResolveDependency("linux-image-amd64", "linux-image-")
            : string.Concat("linux-image-", Path.GetFileName(kernel).AsSpan("vmlinuz-".Length));
        if (kernel is null || !modules.All(m => File.Exists(Path.Combine(cache, m + ".ko"))))
        {
            Console.WriteLine($"  fetching {package} for its {purpose} modules (downloads only, nothing is installed)");
            string deb = DebianPackage.Download(package, cache);
            kernel ??= DebianPackage.ExtractFile(deb, new Regex(@"^boot/vmlinuz-"), cache);
            foreach (string module in modules)
            {
                string extracted = DebianPackage.ExtractFile(deb, new Regex(@"^lib/modules/[^/]+/kernel/(drivers|net|block|lib|crypto)/(.*/)?" + Regex.Escape(module) + @"\.ko$"), cache);
                File.Move(extracted, Path.Combine(cache, module + ".ko"), overwrite: true);
            }
            File.Delete(deb);
        }

        string busybox = Path.Combine(bootCache, "busybox");
        if (!File.Exists(busybox))
        {
            busybox = Path.Combine(cache, "busybox");
            if (!File.Exists(busybox))
            {
                string deb = DebianPackage.Download("busybox-static", cache);
                DebianPackage.ExtractFile(deb, new Regex(@"^bin/busybox$"), cache);
                File.Delete(deb);
            }
        }
        return new Parts(kernel, busybox);
    }

    private static string? FirstKernel(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "vmlinuz-*").OrderDescending().FirstOrDefault() : null;
}
