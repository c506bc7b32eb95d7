using System.IO.Compression;
using Unikraft.Build.Generation;

namespace Unikraft.Build.Tests;

/// <summary>The console font fbcons compiles in (console-font): a PSF file, gzip-compressed
/// or not, as generated C#; a missing font names its Debian package.</summary>
public sealed class ConsoleFontTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("uk-console-font-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void AGzippedPsf1FontBecomesItsUncompressedBytes()
    {
        byte[] font = Psf1(glyphHeight: 2);
        string path = Path.Combine(_directory, "tiny.psf.gz");
        using (var file = new GZipStream(File.Create(path), CompressionLevel.Optimal))
            file.Write(font);
        string output = Path.Combine(_directory, "ConsoleFont.g.cs");
        var stdout = new StringWriter();

        int exit = Program.Run(["console-font", "--font", path, "--out", output], stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("516 bytes", stdout.ToString(), StringComparison.Ordinal);
        string code = File.ReadAllText(output);
        Assert.Contains("internal static class ConsoleFont", code, StringComparison.Ordinal);
        Assert.Contains("0x36, 0x04, 0x00, 0x02, 0x00, 0x00, 0x01, 0x01, 0x02,", code, StringComparison.Ordinal);
        Assert.Contains("// 516 bytes of PSF font", code, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUncompressedFontIsTakenAsItIs()
    {
        string path = Path.Combine(_directory, "tiny.psf");
        File.WriteAllBytes(path, Psf1(glyphHeight: 1));

        Assert.Equal(Psf1(glyphHeight: 1), ConsoleFontGenerator.Read(path));
        Assert.Null(ConsoleFontGenerator.Check(ConsoleFontGenerator.Read(path)));
    }

    [Fact]
    public void AMissingFontNamesThePackageThatShipsIt()
    {
        var stderr = new StringWriter();

        int exit = Program.Run(["console-font", "--font", Path.Combine(_directory, "absent.psf.gz"), "--out", Path.Combine(_directory, "x.g.cs")], new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Contains("apt-get install console-setup-linux", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "x.g.cs")));
    }

    [Fact]
    public void BytesThatAreNoPsfFontAreRefused()
    {
        string path = Path.Combine(_directory, "readme.txt");
        File.WriteAllText(path, "not a font at all, just some text");
        var stderr = new StringWriter();

        int exit = Program.Run(["console-font", "--font", path, "--out", Path.Combine(_directory, "x.g.cs")], new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Contains("not a PSF font", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("a PSF1 font shorter than its glyphs", ConsoleFontGenerator.Check(Psf1(glyphHeight: 2)[..100]), StringComparison.Ordinal);
    }

    // 256 glyphs of glyphHeight rows, glyph i's bytes all i, no Unicode table.
    private static byte[] Psf1(int glyphHeight)
    {
        byte[] font = new byte[4 + 256 * glyphHeight];
        font[0] = 0x36;
        font[1] = 0x04;
        font[3] = (byte)glyphHeight;
        for (int i = 0; i < 256 * glyphHeight; i++)
            font[4 + i] = (byte)(i / glyphHeight);
        return font;
    }
}
