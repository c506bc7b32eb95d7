using System;
using Uk.BlkDev;
using Uk.Vfs;

namespace Uk.FatFs;

// File-system sectors on a disk whose own sectors may be smaller (a 4 KiB-sector FAT on a
// 512-byte disk): the one place block status becomes FsError.
internal sealed class SectorDevice
{
    private readonly IBlockDevice _disk;
    private readonly int _ratio;

    public SectorDevice(IBlockDevice disk, int sectorBytes)
    {
        _disk = disk;
        SectorBytes = sectorBytes;
        _ratio = sectorBytes / disk.SectorSize;
    }

    public int SectorBytes { get; }

    public bool IsReadOnly => _disk.IsReadOnly;

    public FsError Read(uint sector, Span<byte> buffer) => Convert(_disk.Read((ulong)sector * (ulong)_ratio, buffer));

    public FsError Write(uint sector, ReadOnlySpan<byte> buffer)
    {
        if (_disk.IsReadOnly)
            return FsError.ReadOnly;
        return Convert(_disk.Write((ulong)sector * (ulong)_ratio, buffer));
    }

    // A disk without a write cache has nothing to flush: that is success, not an error.
    public FsError Flush()
    {
        BlockStatus status = _disk.Flush();
        return status == BlockStatus.Unsupported ? FsError.None : Convert(status);
    }

    private static FsError Convert(BlockStatus status) => status switch
    {
        BlockStatus.Ok => FsError.None,
        BlockStatus.ReadOnly => FsError.ReadOnly,
        BlockStatus.OutOfRange => FsError.Corrupt,
        _ => FsError.IoError,
    };
}
