namespace Uk.Vfs;

public static class VfsOptions
{
    public static string Fstab = "/=ramfs";
}
