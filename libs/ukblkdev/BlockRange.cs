namespace Uk.BlkDev;

// The argument checks every block device makes before touching hardware, in one place so
// drivers and in-memory devices refuse the same requests the same way.
public static class BlockRange
{
    public static BlockStatus Check(ulong sector, int byteCount, int sectorSize, ulong sectorCount)
    {
        if (sectorSize <= 0 || byteCount % sectorSize != 0)
            return BlockStatus.BadLength;
        ulong sectors = (ulong)(byteCount / sectorSize);
        if (sector > sectorCount || sectors > sectorCount - sector)
            return BlockStatus.OutOfRange;
        return BlockStatus.Ok;
    }
}
