using Uk.FatFs;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

// What our FAT code writes, read back by mtools and checked by fsck.fat -n.
public class FatWriteTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void HostReadsWhatWeWrote(int fatBits)
    {
        string path = HostTools.MakeImage(fatBits, fatBits == 16 ? 16 : 40);
        byte[] data = FatImage.Pattern(123_457, 7);
        using (var image = new FatImage(path))
        {
            Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/SHORT.TXT", "short name\n"u8));
            Assert.Equal(FsError.None, image.Vfs.CreateDirectory("/Some Directory"));
            Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/Some Directory/a rather long file name.data", data));
            Assert.Equal(FsError.None, image.Vfs.CreateDirectories("/a/b/c"));
            Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/a/b/c/deep.txt", "deep"u8));
            image.Save();
            Assert.Equal("short name\n"u8.ToArray(), HostTools.Type(path, "SHORT.TXT"));
            Assert.Equal(data, HostTools.Type(path, "Some Directory/a rather long file name.data"));
            Assert.Equal("deep"u8.ToArray(), HostTools.Type(path, "a/b/c/deep.txt"));
            Assert.Contains("a rather long file name.data", HostTools.Dir(path, "Some Directory"));
            HostTools.AssertFsckClean(path);
        }
    }

    [Fact]
    public void GrowsShrinksAppendsAndDeletes()
    {
        string path = HostTools.MakeImage(16, 16, sectorsPerCluster: 2);
        using var image = new FatImage(path);
        byte[] first = FatImage.Pattern(5000, 1);
        Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/grow.bin", first));
        byte[] more = FatImage.Pattern(7000, 2);
        Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/grow.bin", more, append: true));
        Assert.Equal(first.Concat(more).ToArray(), image.Read("/grow.bin"));

        // Overwrite in the middle, across a cluster boundary, without changing the length.
        Assert.Equal(FsError.None, image.Vfs.Open("/grow.bin", OpenMode.ReadWrite, out VfsFile? file));
        Assert.Equal(FsError.None, file!.Seek(1000, 0, out _));
        Assert.Equal(FsError.None, file.Write(new byte[100]));
        Assert.Equal(FsError.None, file.SetLength(1500));
        Assert.Equal(FsError.None, file.Close());
        byte[] expected = first.Take(1500).ToArray();
        Array.Clear(expected, 1000, 100);
        Assert.Equal(expected, image.Read("/grow.bin"));

        // A write past the end leaves zeros in the gap.
        Assert.Equal(FsError.None, image.Vfs.Open("/grow.bin", OpenMode.Write, out file));
        Assert.Equal(FsError.None, file!.Seek(4000, 0, out _));
        Assert.Equal(FsError.None, file.Write("end"u8));
        Assert.Equal(FsError.None, file.Close());
        byte[] grown = image.Read("/grow.bin");
        Assert.Equal(4003, grown.Length);
        Assert.Equal(expected, grown.Take(1500).ToArray());
        Assert.All(grown.Skip(1500).Take(2500), b => Assert.Equal(0, b));

        Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/gone.txt", "x"u8));
        Assert.Equal(FsError.None, image.Vfs.Delete("/gone.txt"));
        Assert.Equal(FsError.NotFound, image.Vfs.GetInfo("/gone.txt", out _));
        Assert.Equal(FsError.None, image.Vfs.CreateDirectory("/dir"));
        Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/dir/f", "x"u8));
        Assert.Equal(FsError.DirectoryNotEmpty, image.Vfs.Delete("/dir"));
        Assert.Equal(FsError.None, image.Vfs.Rename("/dir/f", "/moved file.txt"));
        Assert.Equal(FsError.None, image.Vfs.Delete("/dir"));
        Assert.Equal("x"u8.ToArray(), image.Read("/moved file.txt"));
        image.Save();
        Assert.Equal(grown, HostTools.Type(path, "grow.bin"));
        Assert.Equal("x"u8.ToArray(), HostTools.Type(path, "moved file.txt"));
        HostTools.AssertFsckClean(path);
    }

    [Fact]
    public void MovesADirectoryAndFixesItsParentLink()
    {
        string path = HostTools.MakeImage(32, 40);
        using var image = new FatImage(path);
        Assert.Equal(FsError.None, image.Vfs.CreateDirectories("/x/inner"));
        Assert.Equal(FsError.None, image.Vfs.CreateDirectory("/y"));
        Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/x/inner/file.txt", "in"u8));
        Assert.Equal(FsError.None, image.Vfs.Rename("/x/inner", "/y/inner"));
        Assert.Equal(FsError.InvalidArgument, image.Vfs.Rename("/y", "/y/inner/y"));
        Assert.Equal("in"u8.ToArray(), image.Read("/y/inner/file.txt"));
        image.Save();
        Assert.Equal("in"u8.ToArray(), HostTools.Type(path, "y/inner/file.txt"));
        HostTools.AssertFsckClean(path);
    }

    [Fact]
    public void AFullDiskSaysNoSpaceAndStaysConsistent()
    {
        string path = HostTools.MakeImage(16, 9);
        using var image = new FatImage(path);
        Assert.Equal(FsError.None, image.Vfs.Open("/fill.bin", OpenMode.Write | OpenMode.Create, out VfsFile? file));
        byte[] chunk = FatImage.Pattern(64 * 1024, 3);
        FsError error = FsError.None;
        long written = 0;
        for (int i = 0; i < 1000 && error == FsError.None; i++)
        {
            error = file!.Write(chunk);
            if (error == FsError.None)
                written += chunk.Length;
        }
        Assert.Equal(FsError.NoSpace, error);
        Assert.True(written > 8_000_000, "wrote only " + written);
        Assert.Equal(FsError.None, file!.Close());
        Assert.Equal(FsError.NoSpace, image.Vfs.WriteAllBytes("/more.bin", chunk));
        image.Save();
        HostTools.AssertFsckClean(path);
        // Everything reported written is there.
        byte[] back = HostTools.Type(path, "fill.bin");
        Assert.True(back.Length >= written);
        for (long offset = 0; offset < written; offset += chunk.Length)
            Assert.Equal(chunk, back.AsSpan((int)offset, chunk.Length).ToArray());
    }

    [Fact]
    public void ManyEntriesGrowTheDirectory()
    {
        string path = HostTools.MakeImage(32, 40);
        using var image = new FatImage(path);
        Assert.Equal(FsError.None, image.Vfs.CreateDirectory("/lots"));
        for (int i = 0; i < 200; i++)
            Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/lots/Long Name Entry " + i + ".txt", System.Text.Encoding.ASCII.GetBytes("n" + i)));
        // Same first six characters: the short names need numeric tails that differ.
        for (int i = 0; i < 20; i++)
            Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/lots/samepre" + i + ".txt", "s"u8));
        image.Save();
        string listing = HostTools.Dir(path, "lots");
        Assert.Contains("Long Name Entry 199.txt", listing);
        Assert.Contains("samepre19.txt", listing);
        Assert.Equal("n150"u8.ToArray(), HostTools.Type(path, "lots/Long Name Entry 150.txt"));
        HostTools.AssertFsckClean(path);
    }

    [Fact]
    public void RefusesBadNamesWithClearErrors()
    {
        string path = HostTools.MakeImage(16, 16);
        using var image = new FatImage(path);
        Assert.Equal(FsError.InvalidName, image.Vfs.WriteAllBytes("/a:b", "x"u8));
        Assert.Equal(FsError.InvalidName, image.Vfs.WriteAllBytes("/trailing.", "x"u8));
        Assert.Equal(FsError.NameTooLong, image.Vfs.WriteAllBytes("/" + new string('n', 256), "x"u8));
        Assert.Equal(FsError.None, image.Vfs.WriteAllBytes("/" + new string('n', 255), "x"u8));
        Assert.Equal(FsError.AlreadyExists, image.Vfs.Open("/" + new string('N', 255), OpenMode.Write | OpenMode.Create | OpenMode.Exclusive, out _));
        image.Save();
        HostTools.AssertFsckClean(path);
    }
}
