using System.IO.Compression;
using Uk.Drivers.FramebufferConsole;

namespace Unikraft.Kernel.Tests.FramebufferConsole;

// The font fbcons compiles in (the build's default), read from the same file.
internal static class ConsoleFontFile
{
    public const string Path = "/usr/share/consolefonts/Lat15-Fixed16.psf.gz";

    public static byte[] ReadBytes()
    {
        Assert.True(File.Exists(Path), Path + " is missing: install Debian's console-setup-linux (apt-get install console-setup-linux)");
        using var compressed = new GZipStream(File.OpenRead(Path), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        compressed.CopyTo(plain);
        return plain.ToArray();
    }

    public static PsfFont Load()
    {
        PsfFont? font = PsfFont.Parse(ReadBytes(), out string? error);
        Assert.True(font is not null, error);
        return font!;
    }
}
