using System.Globalization;
using Uk.FatFs;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

// Images mkfs.fat and mcopy made, read through our FAT code.
public class FatReadTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void ReadsFilesTheHostWrote(int fatBits)
    {
        string path = HostTools.MakeImage(fatBits, fatBits == 16 ? 16 : 40);
        byte[] small = "hello from the host\n"u8.ToArray();
        byte[] large = FatImage.Pattern(300_000, 1);
        HostTools.CopyBytes(path, small, "HELLO.TXT");
        HostTools.MakeDirectory(path, "sub");
        HostTools.CopyBytes(path, large, "sub/Large Binary File.bin");
        using var image = new FatImage(path);
        Assert.Equal(fatBits == 16 ? FatType.Fat16 : FatType.Fat32, image.Fat.Type);
        Assert.Equal(small, image.Read("/HELLO.TXT"));
        Assert.Equal(small, image.Read("/hello.txt"));
        Assert.Equal(large, image.Read("/sub/Large Binary File.bin"));
        Assert.Equal(large, image.Read("/SUB/large binary file.BIN"));
        Assert.Equal(FsError.None, image.Vfs.ReadDirectory("/sub", out FsEntry[] entries));
        Assert.Single(entries);
        Assert.Equal("Large Binary File.bin", entries[0].Name);
        Assert.Equal(300_000, entries[0].Length);
    }

    [Fact]
    public void ReadsAFragmentedFile()
    {
        // Fill the disk with small files, delete every other one, then write a big file into
        // the holes: its chain jumps all over the disk.
        string path = HostTools.MakeImage(16, 8, sectorsPerCluster: 1);
        string dir = Path.Combine(Path.GetTempPath(), "ukfs-frag-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var names = new List<string>();
        for (int i = 0; i < 60; i++)
        {
            string name = Path.Combine(dir, "F" + i + ".BIN");
            File.WriteAllBytes(name, FatImage.Pattern(1024, i));
            names.Add(name);
        }
        var (code, output) = HostTools.Run("mcopy", ["-i", path, .. names, "::/"]);
        Assert.True(code == 0, output);
        for (int i = 0; i < 60; i += 2)
            Assert.Equal(0, HostTools.Run("mdel", "-i", path, "::F" + i + ".BIN").ExitCode);
        byte[] big = FatImage.Pattern(200_000, 99);
        HostTools.CopyBytes(path, big, "BIG.BIN");
        Directory.Delete(dir, true);

        using var image = new FatImage(path);
        Assert.Equal(big, image.Read("/BIG.BIN"));
        Assert.Equal(FatImage.Pattern(1024, 59), image.Read("/F59.BIN"));
        Assert.Equal(FsError.NotFound, image.Vfs.GetInfo("/F58.BIN", out _));
    }

    [Fact]
    public void ListsADirectoryWithManyEntries()
    {
        string path = HostTools.MakeImage(32, 40);
        string dir = Path.Combine(Path.GetTempPath(), "ukfs-many-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            string name = Path.Combine(dir, "entry number " + i.ToString("D3", CultureInfo.InvariantCulture) + ".txt");
            File.WriteAllText(name, "file " + i);
            files.Add(name);
        }
        HostTools.MakeDirectory(path, "many");
        var (code, output) = HostTools.Run("mcopy", ["-i", path, .. files, "::/many/"]);
        Assert.True(code == 0, output);
        Directory.Delete(dir, true);

        using var image = new FatImage(path);
        Assert.Equal(FsError.None, image.Vfs.ReadDirectory("/many", out FsEntry[] entries));
        Assert.Equal(300, entries.Length);
        var names = entries.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        for (int i = 0; i < 300; i++)
            Assert.Equal("entry number " + i.ToString("D3", CultureInfo.InvariantCulture) + ".txt", names[i]);
        Assert.Equal("file 217"u8.ToArray(), image.Read("/many/entry number 217.txt"));
    }
}
