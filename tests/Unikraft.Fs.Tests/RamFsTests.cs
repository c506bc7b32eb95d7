using Uk.RamFs;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

public class RamFsTests
{
    private static VirtualFileSystem NewVfs()
    {
        var vfs = new VirtualFileSystem();
        Assert.Equal(FsError.None, vfs.Mount("/", new RamFileSystem()));
        return vfs;
    }

    [Fact]
    public void FilesAndDirectories()
    {
        var vfs = NewVfs();
        Assert.Equal(FsError.None, vfs.CreateDirectories("/a/b"));
        Assert.Equal(FsError.AlreadyExists, vfs.CreateDirectory("/a"));
        Assert.Equal(FsError.NotFound, vfs.CreateDirectory("/x/y"));
        Assert.Equal(FsError.None, vfs.WriteAllBytes("/a/b/f", "12345"u8));
        Assert.Equal(FsError.NotADirectory, vfs.CreateDirectory("/a/b/f/g"));
        Assert.Equal(FsError.IsADirectory, vfs.Open("/a", OpenMode.Read, out _));
        Assert.Equal(FsError.None, vfs.Open("/a/b/f", OpenMode.ReadWrite, out VfsFile? file));
        Assert.Equal(FsError.None, file!.Seek(-2, 2, out long position));
        Assert.Equal(3, position);
        Assert.Equal(FsError.None, file.Write("xyz"u8));
        Assert.Equal(6, file.Length);
        Assert.Equal(FsError.InvalidArgument, file.Seek(-10, 1, out _));
        Assert.Equal(FsError.None, file.Close());
        Assert.Equal(FsError.Closed, file.Write("a"u8));
        Assert.Equal(FsError.None, vfs.ReadAllBytes("/a/b/f", out byte[] bytes));
        Assert.Equal("123xyz"u8.ToArray(), bytes);
        Assert.Equal(FsError.None, vfs.ReadDirectory("/a", out FsEntry[] entries));
        Assert.Equal("b", Assert.Single(entries).Name);
        Assert.Equal(FsError.DirectoryNotEmpty, vfs.Delete("/a"));
        Assert.Equal(FsError.None, vfs.Rename("/a/b/f", "/g"));
        Assert.Equal(FsError.InvalidArgument, vfs.Rename("/a", "/a/b/a"));
        Assert.Equal(FsError.None, vfs.Delete("/a/b"));
        Assert.Equal(FsError.None, vfs.Delete("/a"));
        Assert.Equal(FsError.None, vfs.ReadDirectory("/", out entries));
        Assert.Equal("g", Assert.Single(entries).Name);
        Assert.Equal(FsError.AlreadyExists, vfs.Open("/g", OpenMode.Write | OpenMode.Create | OpenMode.Exclusive, out _));
        Assert.Equal(FsError.None, vfs.WriteAllBytes("/g", "!"u8, append: true));
        Assert.Equal(FsError.None, vfs.ReadAllBytes("/g", out bytes));
        Assert.Equal("123xyz!"u8.ToArray(), bytes);
    }

    [Fact]
    public void ShrinkThenGrowReadsZeros()
    {
        var vfs = NewVfs();
        Assert.Equal(FsError.None, vfs.WriteAllBytes("/f", "abcdef"u8));
        Assert.Equal(FsError.None, vfs.Open("/f", OpenMode.Write, out VfsFile? file));
        Assert.Equal(FsError.None, file!.SetLength(2));
        Assert.Equal(FsError.None, file.SetLength(4));
        file.Close();
        Assert.Equal(FsError.None, vfs.ReadAllBytes("/f", out byte[] bytes));
        Assert.Equal(new byte[] { (byte)'a', (byte)'b', 0, 0 }, bytes);
    }
}
