using System;
using Uk.Vfs;

namespace Uk.FatFs;

// What every part of a mounted FAT volume shares: the disk, its layout, the FAT.
internal sealed class FatVolume
{
    private readonly byte[] _zeroSector;

    public FatVolume(SectorDevice device, FatGeometry geometry)
    {
        Device = device;
        Geometry = geometry;
        Fat = new FatTable(device, geometry);
        _zeroSector = new byte[geometry.BytesPerSector];
    }

    public SectorDevice Device { get; }

    public FatGeometry Geometry { get; }

    public FatTable Fat { get; }

    // Everything written so far, FAT changes included, onto stable storage.
    public FsError Flush()
    {
        FsError error = Fat.WriteBack();
        return error == FsError.None ? Device.Flush() : error;
    }

    // A new cluster, marked end-of-chain and filled with zeros (for directories, whose
    // unused entries must read as the end marker).
    public FsError AllocateZeroedCluster(out uint cluster)
    {
        FsError error = Fat.Allocate(out cluster);
        if (error != FsError.None)
            return error;
        uint first = Geometry.ClusterSector(cluster);
        for (int s = 0; s < Geometry.SectorsPerCluster; s++)
        {
            error = Device.Write(first + (uint)s, _zeroSector);
            if (error != FsError.None)
                return error;
        }
        return FsError.None;
    }
}
