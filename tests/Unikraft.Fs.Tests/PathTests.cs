using Uk.RamFs;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

public class PathTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/a/b/c", "/a/b/c")]
    [InlineData("//a///b//", "/a/b")]
    [InlineData("/a/./b/.", "/a/b")]
    [InlineData("/a/b/../c", "/a/c")]
    [InlineData("/../../a", "/a")]
    [InlineData("a/b", "/a/b")]
    [InlineData("/a/b/../../..", "/")]
    [InlineData("/a/...", "/a/...")]
    public void Normalizes(string path, string expected)
    {
        Assert.Equal(FsError.None, VfsPath.Normalize(path, out string normalized));
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void RejectsWhatCannotBeAPath()
    {
        Assert.Equal(FsError.InvalidPath, VfsPath.Normalize("", out _));
        Assert.Equal(FsError.InvalidPath, VfsPath.Normalize(null, out _));
        Assert.Equal(FsError.NameTooLong, VfsPath.Normalize("/" + new string('x', 256), out _));
        Assert.Equal(FsError.None, VfsPath.Normalize("/" + new string('x', 255), out _));
        Assert.Equal(FsError.PathTooLong, VfsPath.Normalize(string.Concat(Enumerable.Repeat("/abcdefghij", 103)), out _));
        Assert.Equal(FsError.InvalidName, VfsPath.Normalize("/a\0b", out _));
        Assert.Equal(FsError.InvalidName, VfsPath.Normalize("/a\\b", out _));
        Assert.Contains("255", FsErrors.Describe(FsError.NameTooLong));
    }

    [Fact]
    public void LongestMountPrefixWins()
    {
        var vfs = new VirtualFileSystem();
        var root = new RamFileSystem();
        var data = new RamFileSystem();
        Assert.Equal(FsError.None, vfs.Mount("/", root));
        Assert.Equal(FsError.None, vfs.Mount("/data/", data));
        Assert.Equal(FsError.AlreadyMounted, vfs.Mount("//data", root));
        Assert.Equal(FsError.None, vfs.WriteAllBytes("/data/x", "on data"u8));
        Assert.Equal(FsError.None, vfs.WriteAllBytes("/datax", "on root"u8));
        Assert.Equal(FsError.None, data.GetInfo(["x"], out FsEntry info));
        Assert.Equal(7, info.Length);
        Assert.Equal(FsError.NotFound, root.GetInfo(["data", "x"], out _));
        Assert.Equal(FsError.None, root.GetInfo(["datax"], out _));
        Assert.Equal(FsError.None, vfs.ReadAllBytes("/tmp/../data/./x", out byte[] bytes));
        Assert.Equal("on data"u8.ToArray(), bytes);
        Assert.Equal(FsError.CrossDevice, vfs.Rename("/data/x", "/y"));
        Assert.Equal(FsError.None, vfs.Unmount("/data"));
        Assert.Equal(FsError.NotFound, vfs.GetInfo("/data/x", out _));
    }

    [Fact]
    public void NothingMountedIsAnError()
    {
        var vfs = new VirtualFileSystem();
        Assert.Equal(FsError.NotMounted, vfs.GetInfo("/x", out _));
    }

    [Fact]
    public void ParsesFstab()
    {
        Assert.True(FstabEntry.TryParseList("/=fatfs:vda, /tmp=ramfs", out FstabEntry[] entries, out _));
        Assert.Equal(2, entries.Length);
        Assert.Equal(("/", "fatfs", "vda"), (entries[0].MountPoint, entries[0].Type, entries[0].Device));
        Assert.Equal(("/tmp", "ramfs", ""), (entries[1].MountPoint, entries[1].Type, entries[1].Device));
        Assert.False(FstabEntry.TryParseList("tmp=ramfs", out _, out string problem));
        Assert.Contains("must start with '/'", problem);
        Assert.False(FstabEntry.TryParseList("/=fatfs:", out _, out problem));
        Assert.Contains("mountpoint=type[:device]", problem);
        Assert.True(FstabEntry.TryParseList("", out entries, out _));
        Assert.Empty(entries);
    }
}
