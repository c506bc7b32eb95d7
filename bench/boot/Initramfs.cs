using System.IO;
using System.IO.Compression;
using System.Text;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Builds the Linux baseline's initramfs: a static busybox and an /init script that prints
/// the ready line on the console and powers the VM off. /dev/console is included because the
/// kernel opens it for init's stdio before anything could mount devtmpfs.
/// </summary>
public static class Initramfs
{
    public static string InitScript =>
        "#!/bin/busybox sh\n" +
        $"echo '{BootSpecs.LinuxLine}'\n" +
        "/bin/busybox poweroff -f\n";

    public static void Write(string busybox, string path)
    {
        using FileStream file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        var cpio = new CpioWriter(gzip);
        cpio.Directory("bin");
        cpio.Directory("dev");
        cpio.CharDevice("dev/console", 5, 1);
        cpio.File("bin/busybox", File.ReadAllBytes(busybox));
        cpio.File("init", Encoding.ASCII.GetBytes(InitScript));
        cpio.Finish();
    }
}
