using System;
using Uk.Vfs;

namespace Uk.FatFs;

// The file allocation table: the next cluster of every cluster, through a one-sector cache of
// the first copy. Changes stay in the cached sector until another sector is needed or
// WriteBack is called (FatVolume.Flush calls it before every device flush); then the sector
// goes to every copy. A run of allocations in one sector is thus one write per copy, and
// changes reach the disk in the order they were made, sector by sector.
internal sealed class FatTable
{
    public const uint Free = 0;

    private readonly SectorDevice _device;
    private readonly FatGeometry _geometry;
    private readonly byte[] _sector;
    private uint _cachedSector = uint.MaxValue;
    private bool _dirty;
    private uint _nextFreeHint = 2;

    public FatTable(SectorDevice device, FatGeometry geometry)
    {
        _device = device;
        _geometry = geometry;
        _sector = new byte[geometry.BytesPerSector];
    }

    private bool IsFat32 => _geometry.Type == FatType.Fat32;

    // The value that ends a chain, as this FAT type writes it.
    public uint EndOfChain => IsFat32 ? 0x0FFFFFFFu : 0xFFFFu;

    public bool IsEndOfChain(uint value) => value >= (IsFat32 ? 0x0FFFFFF8u : 0xFFF8u);

    public bool IsBadCluster(uint value) => value == (IsFat32 ? 0x0FFFFFF7u : 0xFFF7u);

    public bool IsValidCluster(uint cluster) => cluster >= 2 && cluster <= _geometry.MaxCluster;

    public FsError Get(uint cluster, out uint value)
    {
        value = 0;
        FsError error = Locate(cluster, out int offset);
        if (error != FsError.None)
            return error;
        value = IsFat32 ? LittleEndian.U32(_sector, offset) & 0x0FFFFFFF : LittleEndian.U16(_sector, offset);
        return FsError.None;
    }

    public FsError Set(uint cluster, uint value)
    {
        FsError error = Locate(cluster, out int offset);
        if (error != FsError.None)
            return error;
        if (IsFat32)
            // The top four bits are reserved: keep what is there.
            LittleEndian.Put32(_sector, offset, (LittleEndian.U32(_sector, offset) & 0xF0000000) | (value & 0x0FFFFFFF));
        else
            LittleEndian.Put16(_sector, offset, value);
        _dirty = true;
        if (value == Free && cluster < _nextFreeHint)
            _nextFreeHint = cluster;
        return FsError.None;
    }

    // Finds a free cluster and marks it as the end of a chain (linking it is the caller's).
    public FsError Allocate(out uint cluster)
    {
        cluster = 0;
        uint count = _geometry.ClusterCount;
        uint candidate = IsValidCluster(_nextFreeHint) ? _nextFreeHint : 2;
        for (uint tried = 0; tried < count; tried++)
        {
            FsError error = Get(candidate, out uint value);
            if (error != FsError.None)
                return error;
            if (value == Free)
            {
                error = Set(candidate, EndOfChain);
                if (error != FsError.None)
                    return error;
                cluster = candidate;
                _nextFreeHint = candidate + 1;
                return FsError.None;
            }
            candidate = candidate == _geometry.MaxCluster ? 2 : candidate + 1;
        }
        return FsError.NoSpace;
    }

    // Up to `count` free clusters from the hint on, not marked: the caller fills them and then
    // links them, so until then they are free space to anyone reading the disk.
    public FsError FindFree(uint count, out uint[] clusters)
    {
        clusters = new uint[count];
        uint found = 0;
        uint candidate = IsValidCluster(_nextFreeHint) ? _nextFreeHint : 2;
        for (uint tried = 0; tried < _geometry.ClusterCount && found < count; tried++)
        {
            FsError error = Get(candidate, out uint value);
            if (error != FsError.None)
                return error;
            if (value == Free)
                clusters[found++] = candidate;
            candidate = candidate == _geometry.MaxCluster ? 2 : candidate + 1;
        }
        return found == count ? FsError.None : FsError.NoSpace;
    }

    // The cluster after `cluster` in a chain, checked: 0 when the chain ends here.
    public FsError Next(uint cluster, out uint next, out string problem)
    {
        problem = "";
        FsError error = Get(cluster, out uint value);
        next = 0;
        if (error != FsError.None)
            return error;
        if (IsEndOfChain(value))
            return FsError.None;
        if (value == Free)
        {
            problem = "cluster " + cluster.ToString() + " is in a chain but marked free";
            return FsError.Corrupt;
        }
        if (IsBadCluster(value))
        {
            problem = "cluster " + cluster.ToString() + " links to a cluster marked bad";
            return FsError.Corrupt;
        }
        if (!IsValidCluster(value))
        {
            problem = "cluster " + cluster.ToString() + " links to cluster " + value.ToString() + ", outside the data area (2.." + _geometry.MaxCluster.ToString() + ")";
            return FsError.Corrupt;
        }
        next = value;
        return FsError.None;
    }

    // Counts a chain's clusters; a chain longer than the disk has clusters loops.
    public FsError Measure(uint first, out uint length, out uint last, out string problem)
    {
        length = 0;
        last = 0;
        problem = "";
        if (first == 0)
            return FsError.None;
        if (!IsValidCluster(first))
        {
            problem = "first cluster " + first.ToString() + " is outside the data area (2.." + _geometry.MaxCluster.ToString() + ")";
            return FsError.Corrupt;
        }
        uint cluster = first;
        while (true)
        {
            length++;
            last = cluster;
            if (length > _geometry.ClusterCount)
            {
                problem = "the cluster chain from " + first.ToString() + " loops (longer than the disk's " + _geometry.ClusterCount.ToString() + " clusters)";
                return FsError.Corrupt;
            }
            FsError error = Next(cluster, out uint next, out problem);
            if (error != FsError.None)
                return error;
            if (next == 0)
                return FsError.None;
            cluster = next;
        }
    }

    // Marks every cluster of a chain free, from its first cluster on.
    public FsError FreeChain(uint first)
    {
        uint cluster = first;
        for (uint steps = 0; cluster != 0 && steps < _geometry.ClusterCount; steps++)
        {
            FsError error = Next(cluster, out uint next, out _);
            if (error != FsError.None)
                return error;
            error = Set(cluster, Free);
            if (error != FsError.None)
                return error;
            cluster = next;
        }
        return FsError.None;
    }

    // Writes the changed sector to every FAT copy, first copy first.
    public FsError WriteBack()
    {
        if (!_dirty)
            return FsError.None;
        for (int copy = 0; copy < _geometry.FatCount; copy++)
        {
            FsError error = _device.Write(_cachedSector + (uint)copy * _geometry.FatSectors, _sector);
            if (error != FsError.None)
                return error;
        }
        _dirty = false;
        return FsError.None;
    }

    private FsError Locate(uint cluster, out int offset)
    {
        offset = 0;
        if (cluster > _geometry.MaxCluster)
            return FsError.Corrupt;
        uint byteOffset = cluster * (IsFat32 ? 4u : 2u);
        uint sector = _geometry.FirstFatSector + byteOffset / (uint)_geometry.BytesPerSector;
        offset = (int)(byteOffset % (uint)_geometry.BytesPerSector);
        if (sector == _cachedSector)
            return FsError.None;
        FsError error = WriteBack();
        if (error != FsError.None)
            return error;
        error = _device.Read(sector, _sector);
        if (error != FsError.None)
        {
            _cachedSector = uint.MaxValue;
            return error;
        }
        _cachedSector = sector;
        return FsError.None;
    }
}
