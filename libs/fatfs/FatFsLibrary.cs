using Uk.BlkDev;
using Uk.Core;
using Uk.Vfs;

namespace Uk.FatFs;

public static class FatFsLibrary
{
    public static void Initialize()
    {
        FileSystemTypes.Register("fatfs", CreateForMount);
        // Entries get the wall clock's time when the image has one (apic reads the RTC).
        FatTimestamp.UnixSecondsSource = UnixSeconds;
    }

    private static long UnixSeconds() => Clock.IsAvailable ? Clock.UnixNanoseconds / 1_000_000_000 : 0;

    private static FsError CreateForMount(string device, out IFileSystem? fileSystem, out string problem)
    {
        fileSystem = null;
        IBlockDevice? disk = device.Length == 0 ? (BlockDevices.Count > 0 ? BlockDevices.Get(0) : null) : BlockDevices.Find(device);
        if (disk is null)
        {
            problem = device.Length == 0 ? "no disk in the image to mount" : "no disk named '" + device + "'";
            return FsError.NotFound;
        }
        FsError error = FatFileSystem.Mount(disk, out FatFileSystem? fat, out problem);
        fileSystem = fat;
        return error;
    }
}
