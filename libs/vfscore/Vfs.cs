namespace Uk.Vfs;

// The image's file tree: what System.IO.File and friends use.
public static class Vfs
{
    public static VirtualFileSystem Current { get; } = new VirtualFileSystem();
}
