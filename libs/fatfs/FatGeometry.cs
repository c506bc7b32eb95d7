using System;
using Uk.Vfs;

namespace Uk.FatFs;

// The layout a boot sector describes, checked against itself and the disk before anything
// else is read: every later sector number comes from here, so a lie is refused up front.
public sealed class FatGeometry
{
    public int BytesPerSector { get; private set; }
    public int SectorsPerCluster { get; private set; }
    public int ReservedSectors { get; private set; }
    public int FatCount { get; private set; }
    public int RootEntryCount { get; private set; }
    public uint TotalSectors { get; private set; }
    public uint FatSectors { get; private set; }
    public uint RootCluster { get; private set; }
    public int FsInfoSector { get; private set; }
    public uint RootDirSector { get; private set; }
    public uint RootDirSectors { get; private set; }
    public uint FirstDataSector { get; private set; }
    public uint ClusterCount { get; private set; }
    public FatType Type { get; private set; }

    public int ClusterBytes => BytesPerSector * SectorsPerCluster;

    // Highest valid cluster number (clusters are numbered from 2).
    public uint MaxCluster => ClusterCount + 1;

    public uint FirstFatSector => (uint)ReservedSectors;

    public uint ClusterSector(uint cluster) => FirstDataSector + (cluster - 2) * (uint)SectorsPerCluster;

    public static FsError Parse(ReadOnlySpan<byte> sector, ulong diskBytes, out FatGeometry? geometry, out string problem)
    {
        geometry = null;
        if (sector.Length < 512 || sector[510] != 0x55 || sector[511] != 0xAA)
            return Bad("boot sector: no 0x55AA signature (not a FAT file system)", out problem);
        var g = new FatGeometry();
        g.BytesPerSector = LittleEndian.U16(sector, 11);
        if (g.BytesPerSector != 512 && g.BytesPerSector != 1024 && g.BytesPerSector != 2048 && g.BytesPerSector != 4096)
            return Bad("boot sector: " + g.BytesPerSector.ToString() + " bytes per sector (expected 512, 1024, 2048 or 4096)", out problem);
        g.SectorsPerCluster = sector[13];
        if (g.SectorsPerCluster == 0 || (g.SectorsPerCluster & (g.SectorsPerCluster - 1)) != 0)
            return Bad("boot sector: " + g.SectorsPerCluster.ToString() + " sectors per cluster (expected a power of two)", out problem);
        if (g.ClusterBytes > 65536)
            return Bad("boot sector: clusters of " + g.ClusterBytes.ToString() + " bytes (at most 64 KiB)", out problem);
        g.ReservedSectors = LittleEndian.U16(sector, 14);
        if (g.ReservedSectors == 0)
            return Bad("boot sector: no reserved sectors (the boot sector itself is one)", out problem);
        g.FatCount = sector[16];
        if (g.FatCount == 0 || g.FatCount > 4)
            return Bad("boot sector: " + g.FatCount.ToString() + " FAT copies (expected 1 to 4)", out problem);
        g.RootEntryCount = LittleEndian.U16(sector, 17);
        uint total16 = LittleEndian.U16(sector, 19);
        g.TotalSectors = total16 != 0 ? total16 : LittleEndian.U32(sector, 32);
        uint fat16Size = LittleEndian.U16(sector, 22);
        g.FatSectors = fat16Size != 0 ? fat16Size : LittleEndian.U32(sector, 36);
        if (g.TotalSectors == 0)
            return Bad("boot sector: total sector count is 0", out problem);
        if (g.FatSectors == 0)
            return Bad("boot sector: FAT size is 0 sectors", out problem);
        if ((ulong)g.TotalSectors * (ulong)g.BytesPerSector > diskBytes)
            return Bad("boot sector: the file system has " + g.TotalSectors.ToString() + " sectors but the disk holds only " + (diskBytes / (ulong)g.BytesPerSector).ToString(), out problem);

        g.RootDirSectors = (uint)((g.RootEntryCount * 32 + g.BytesPerSector - 1) / g.BytesPerSector);
        ulong metadata = (ulong)g.ReservedSectors + (ulong)g.FatCount * g.FatSectors + g.RootDirSectors;
        if (metadata >= g.TotalSectors)
            return Bad("boot sector: reserved sectors, FATs and root directory (" + metadata.ToString() + " sectors) leave no room for data", out problem);
        g.RootDirSector = (uint)(g.ReservedSectors + g.FatCount * g.FatSectors);
        g.FirstDataSector = (uint)metadata;
        g.ClusterCount = (g.TotalSectors - g.FirstDataSector) / (uint)g.SectorsPerCluster;
        g.Type = g.ClusterCount < 4085 ? FatType.Fat12 : g.ClusterCount < 65525 ? FatType.Fat16 : FatType.Fat32;
        if (g.Type == FatType.Fat12)
            return Bad("boot sector: FAT12 (" + g.ClusterCount.ToString() + " clusters) is not supported; make the file system with mkfs.fat -F 16 or -F 32", out problem);

        ulong fatEntries = (ulong)g.FatSectors * (ulong)g.BytesPerSector / (g.Type == FatType.Fat32 ? 4UL : 2UL);
        if (fatEntries < g.ClusterCount + 2UL)
            return Bad("boot sector: a FAT of " + g.FatSectors.ToString() + " sectors cannot hold " + g.ClusterCount.ToString() + " clusters", out problem);

        if (g.Type == FatType.Fat32)
        {
            if (g.RootEntryCount != 0 || fat16Size != 0)
                return Bad("boot sector: FAT32 by cluster count but with FAT16 fields set (root entries or 16-bit FAT size)", out problem);
            if (LittleEndian.U16(sector, 42) != 0)
                return Bad("boot sector: FAT32 version " + LittleEndian.U16(sector, 42).ToString() + " is not supported", out problem);
            g.RootCluster = LittleEndian.U32(sector, 44) & 0x0FFFFFFF;
            if (g.RootCluster < 2 || g.RootCluster > g.MaxCluster)
                return Bad("boot sector: root directory cluster " + g.RootCluster.ToString() + " is outside the data area (2.." + g.MaxCluster.ToString() + ")", out problem);
            g.FsInfoSector = LittleEndian.U16(sector, 48);
            if (g.FsInfoSector == 0xFFFF || g.FsInfoSector >= g.ReservedSectors)
                g.FsInfoSector = 0;
        }
        else if (g.RootEntryCount == 0)
            return Bad("boot sector: FAT16 with no root directory entries", out problem);

        problem = "";
        geometry = g;
        return FsError.None;
    }

    private static FsError Bad(string message, out string problem)
    {
        problem = message;
        return FsError.Corrupt;
    }
}
