using Unikraft.Build.Generation;

namespace Unikraft.Build.Tests;

/// <summary>The files a project copies to its output, packed for the image (image-files):
/// the archive layout vfscore reads, and the paths the command refuses.</summary>
public sealed class ImageFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("uk-image-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ArchiveHoldsEachPathAndItsBytesWithLittleEndianLengths()
    {
        byte[] archive = ImageFilesGenerator.Archive([("a.txt", [1, 2, 3]), ("wwwroot/é.html", new byte[300])]);

        Assert.Equal([5, 0, (byte)'a', (byte)'.', (byte)'t', (byte)'x', (byte)'t', 3, 0, 0, 0, 1, 2, 3], archive[..14]);
        int second = 14;
        int pathLength = archive[second] | archive[second + 1] << 8;
        Assert.Equal("wwwroot/é.html", System.Text.Encoding.UTF8.GetString(archive, second + 2, pathLength));
        int at = second + 2 + pathLength;
        Assert.Equal(300, archive[at] | archive[at + 1] << 8 | archive[at + 2] << 16 | archive[at + 3] << 24);
        Assert.Equal(at + 4 + 300, archive.Length);
    }

    [Fact]
    public void GeneratedCodeExportsTheArchiveAndAnEmptyOneIsValid()
    {
        string code = ImageFilesGenerator.Generate(ImageFilesGenerator.Archive([("x", [0xAB])]), 1);
        Assert.Contains("EntryPoint = \"uk_image_files\"", code, StringComparison.Ordinal);
        Assert.Contains("0x01, 0x00, 0x78, 0x01, 0x00, 0x00, 0x00, 0xAB,", code, StringComparison.Ordinal);
        Assert.Contains("// 0 file(s), 0 bytes", ImageFilesGenerator.Generate([], 0), StringComparison.Ordinal);
    }

    [Fact]
    public void CommandPacksTheListedFilesOnceEach()
    {
        string source = Path.Combine(_directory, "index.html");
        File.WriteAllText(source, "<p>hi</p>");
        string list = Path.Combine(_directory, "list.txt");
        File.WriteAllLines(list, ["wwwroot/index.html\t" + source, "wwwroot\\index.html\t" + source, ""]);
        string output = Path.Combine(_directory, "ImageFiles.g.cs");

        int exit = Program.Run(["image-files", "--list", list, "--out", output], new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("// 1 file(s), 33 bytes", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/./b")]
    public void CommandRefusesPathsOutsideTheRoot(string path)
    {
        string source = Path.Combine(_directory, "f");
        File.WriteAllText(source, "x");
        string list = Path.Combine(_directory, "list.txt");
        File.WriteAllLines(list, [path + "\t" + source]);
        var stderr = new StringWriter();

        int exit = Program.Run(["image-files", "--list", list, "--out", Path.Combine(_directory, "out.cs")], new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Contains("must be relative, without '.' or '..'", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "out.cs")));
    }
}
