using System;
using Uk.Vfs;

namespace Uk.FatFs;

// An open file on a FAT volume. Data goes straight to the disk: into the file's clusters in
// place, or into free clusters that are filled first and then chained and linked to the file
// (the FAT, all copies). The directory entry (size and first cluster) is written only by
// Flush/Close, after a device flush, and flushed again. A power cut therefore leaves the old
// size and chain, plus at worst clusters nobody points to or a chain longer than the size,
// both of which fsck repairs without touching data.
internal sealed class FatOpenFile : IOpenFile
{
    private readonly FatFileSystem _fs;
    private readonly FatVolume _volume;
    private readonly uint _directoryCluster;
    private readonly int _shortSlot;
    private readonly byte[] _sector;
    private uint _firstCluster;
    private uint _size;
    private uint _clusterCount;
    private uint _lastCluster;
    private bool _entryDirty;
    private bool _closed;
    // The last cluster found by walking, to make sequential access O(1) per cluster.
    private uint _cursorIndex;
    private uint _cursorCluster;

    public FatOpenFile(FatFileSystem fs, FatVolume volume, uint directoryCluster, FatEntry entry, uint clusterCount, uint lastCluster)
    {
        _fs = fs;
        _volume = volume;
        _directoryCluster = directoryCluster;
        _shortSlot = entry.ShortSlot;
        _firstCluster = entry.FirstCluster;
        _size = entry.Size;
        _clusterCount = clusterCount;
        _lastCluster = lastCluster;
        _sector = new byte[volume.Geometry.BytesPerSector];
    }

    public long Length => _size;

    public FsError Read(long offset, Span<byte> buffer, out int count)
    {
        count = 0;
        if (_closed)
            return FsError.Closed;
        if (offset < 0)
            return FsError.InvalidArgument;
        if (offset >= _size)
            return FsError.None;
        long available = _size - offset;
        int wanted = buffer.Length < available ? buffer.Length : (int)available;
        int bytesPerSector = _volume.Geometry.BytesPerSector;
        while (count < wanted)
        {
            long position = offset + count;
            FsError error = SectorAt(position, out uint sector);
            if (error != FsError.None)
                return error;
            int within = (int)(position % bytesPerSector);
            int piece = bytesPerSector - within;
            if (piece > wanted - count)
                piece = wanted - count;
            if (within == 0 && piece == bytesPerSector)
            {
                piece = WholeSectorsInCluster(position, wanted - count);
                error = _volume.Device.Read(sector, buffer.Slice(count, piece));
            }
            else
            {
                error = _volume.Device.Read(sector, _sector);
                if (error == FsError.None)
                    new ReadOnlySpan<byte>(_sector, within, piece).CopyTo(buffer.Slice(count, piece));
            }
            if (error != FsError.None)
                return error;
            count += piece;
        }
        return FsError.None;
    }

    public FsError Write(long offset, ReadOnlySpan<byte> data)
    {
        if (_closed)
            return FsError.Closed;
        if (offset < 0)
            return FsError.InvalidArgument;
        long end = offset + data.Length;
        if (end > uint.MaxValue)
            return FsError.FileTooLarge;
        if (data.Length == 0)
            return FsError.None;
        if (offset > _size)
        {
            // POSIX: the gap reads as zeros.
            FsError gap = WriteZeros(_size, offset);
            if (gap != FsError.None)
                return gap;
        }
        // What lands in clusters the file has is written in place; the rest goes into new
        // clusters, filled while still free and linked to the file after (AppendClusters).
        long allocatedEnd = (long)_clusterCount * _volume.Geometry.ClusterBytes;
        int inPlace = end <= allocatedEnd ? data.Length : (int)(allocatedEnd - offset);
        FsError error = WriteInPlace(offset, data.Slice(0, inPlace));
        if (error == FsError.None && inPlace < data.Length)
        {
            uint clusters = ClustersFor((uint)end) - _clusterCount;
            error = AppendClusters(clusters, data.Slice(inPlace), zeroRest: false);
        }
        if (error != FsError.None)
            return error;
        if (end > _size)
        {
            _size = (uint)end;
            _entryDirty = true;
        }
        return FsError.None;
    }

    private FsError WriteInPlace(long offset, ReadOnlySpan<byte> data)
    {
        int bytesPerSector = _volume.Geometry.BytesPerSector;
        int done = 0;
        while (done < data.Length)
        {
            long position = offset + done;
            FsError error = SectorAt(position, out uint sector);
            if (error != FsError.None)
                return error;
            int within = (int)(position % bytesPerSector);
            int piece = bytesPerSector - within;
            if (piece > data.Length - done)
                piece = data.Length - done;
            if (within == 0 && piece == bytesPerSector)
            {
                piece = WholeSectorsInCluster(position, data.Length - done);
                error = _volume.Device.Write(sector, data.Slice(done, piece));
            }
            else
            {
                error = _volume.Device.Read(sector, _sector);
                if (error == FsError.None)
                {
                    data.Slice(done, piece).CopyTo(new Span<byte>(_sector, within, piece));
                    error = _volume.Device.Write(sector, _sector);
                }
            }
            if (error != FsError.None)
                return error;
            done += piece;
        }
        return FsError.None;
    }

    public FsError SetLength(long length)
    {
        if (_closed)
            return FsError.Closed;
        if (length < 0)
            return FsError.InvalidArgument;
        if (length > uint.MaxValue)
            return FsError.FileTooLarge;
        if (length > _size)
            return WriteZeros(_size, length);
        if (length == _size)
            return FsError.None;
        uint keep = ClustersFor((uint)length);
        uint oldFirst = _firstCluster;
        // Shrinking: the entry gets the smaller size first, then the tail of the chain is
        // freed, so no moment has a size larger than the chain.
        _size = (uint)length;
        if (keep == 0)
            _firstCluster = 0;
        _entryDirty = true;
        FsError error = Flush();
        if (error != FsError.None)
            return error;
        if (keep == 0)
        {
            error = _volume.Fat.FreeChain(oldFirst);
            _clusterCount = 0;
            _lastCluster = 0;
        }
        else if (keep < _clusterCount)
        {
            error = ClusterAt(keep - 1, out uint newLast);
            if (error != FsError.None)
                return error;
            error = _volume.Fat.Next(newLast, out uint rest, out _);
            if (error == FsError.None)
                error = _volume.Fat.Set(newLast, _volume.Fat.EndOfChain);
            if (error == FsError.None && rest != 0)
                error = _volume.Fat.FreeChain(rest);
            _clusterCount = keep;
            _lastCluster = newLast;
        }
        _cursorIndex = 0;
        _cursorCluster = 0;
        if (error != FsError.None)
            return error;
        return _volume.Flush();
    }

    public FsError Flush()
    {
        if (_closed)
            return FsError.Closed;
        return _fs.FlushFile(this);
    }

    public FsError Close()
    {
        if (_closed)
            return FsError.None;
        FsError error = Flush();
        _closed = true;
        _fs.Closed(this);
        return error;
    }

    internal uint DirectoryCluster => _directoryCluster;

    internal int ShortSlot => _shortSlot;

    internal uint FirstCluster => _firstCluster;

    internal uint Size => _size;

    internal bool EntryDirty
    {
        get => _entryDirty;
        set => _entryDirty = value;
    }

    private uint ClustersFor(uint bytes) => (uint)(((ulong)bytes + (ulong)_volume.Geometry.ClusterBytes - 1) / (ulong)_volume.Geometry.ClusterBytes);

    // Bytes from position (sector-aligned) to the end of its cluster or of the request,
    // in whole sectors: one device request, since a cluster's sectors are contiguous.
    private int WholeSectorsInCluster(long position, int remaining)
    {
        FatGeometry g = _volume.Geometry;
        int toClusterEnd = g.ClusterBytes - (int)(position % g.ClusterBytes);
        int bytes = remaining < toClusterEnd ? remaining : toClusterEnd;
        return bytes - bytes % g.BytesPerSector;
    }

    // Zeros from `from` to `to` (growing the file, or the gap before a write past its end).
    // The allocated part is written in place; new clusters are found, filled with zeros while
    // still free on the disk, chained among themselves and only then linked to the file, so
    // the time in which the disk has a chain longer than the size is a few FAT sectors long.
    private FsError WriteZeros(long from, long to)
    {
        long allocatedEnd = (long)_clusterCount * _volume.Geometry.ClusterBytes;
        byte[] zeros = new byte[_volume.Geometry.ClusterBytes];
        long position = from;
        long inPlaceEnd = to < allocatedEnd ? to : allocatedEnd;
        while (position < inPlaceEnd)
        {
            long piece = inPlaceEnd - position < zeros.Length ? inPlaceEnd - position : zeros.Length;
            FsError error = Write(position, new ReadOnlySpan<byte>(zeros, 0, (int)piece));
            if (error != FsError.None)
                return error;
            position += piece;
        }
        if (to > allocatedEnd)
        {
            FsError error = AppendClusters(ClustersFor((uint)to) - _clusterCount, ReadOnlySpan<byte>.Empty, zeroRest: true);
            if (error != FsError.None)
                return error;
        }
        if (to > _size)
        {
            _size = (uint)to;
            _entryDirty = true;
        }
        return FsError.None;
    }

    // Adds `count` clusters holding content (and zeros after it when zeroRest): free clusters
    // are found, written while still free, chained among themselves, and linked to the file
    // last. A power cut before the link leaves the file as it was (the written clusters are
    // free space); after it, a chain longer than the size until the entry is written.
    private FsError AppendClusters(uint count, ReadOnlySpan<byte> content, bool zeroRest)
    {
        FsError error = _volume.Fat.FindFree(count, out uint[] clusters);
        if (error != FsError.None)
            return error;
        FatGeometry g = _volume.Geometry;
        int clusterBytes = g.ClusterBytes;
        for (int i = 0; i < clusters.Length; i++)
        {
            uint first = g.ClusterSector(clusters[i]);
            long start = (long)i * clusterBytes;
            int length = content.Length > start ? (int)Math.Min(clusterBytes, content.Length - start) : 0;
            int whole = length - length % g.BytesPerSector;
            if (whole > 0)
                error = _volume.Device.Write(first, content.Slice((int)start, whole));
            int written = whole;
            if (error == FsError.None && (length > whole || (zeroRest && written < clusterBytes)))
            {
                // The cut-off end of the content, or zeros, padded to whole sectors.
                int padded = zeroRest ? clusterBytes - written : g.BytesPerSector;
                byte[] tail = padded == _sector.Length ? _sector : new byte[padded];
                Array.Clear(tail, 0, tail.Length);
                if (length > whole)
                    content.Slice((int)start + whole, length - whole).CopyTo(tail);
                error = _volume.Device.Write(first + (uint)(whole / g.BytesPerSector), tail);
            }
            if (error != FsError.None)
                return error;
        }
        for (int i = clusters.Length - 1; i >= 0; i--)
        {
            error = _volume.Fat.Set(clusters[i], i == clusters.Length - 1 ? _volume.Fat.EndOfChain : clusters[i + 1]);
            if (error != FsError.None)
                return error;
        }
        if (_clusterCount == 0)
            _firstCluster = clusters[0];
        else
        {
            error = _volume.Fat.Set(_lastCluster, clusters[0]);
            if (error != FsError.None)
                return error;
        }
        _lastCluster = clusters[clusters.Length - 1];
        _clusterCount += count;
        _entryDirty = true;
        return FsError.None;
    }

    private FsError SectorAt(long position, out uint sector)
    {
        sector = 0;
        FatGeometry g = _volume.Geometry;
        uint index = (uint)(position / g.ClusterBytes);
        FsError error = ClusterAt(index, out uint cluster);
        if (error != FsError.None)
            return error;
        sector = g.ClusterSector(cluster) + (uint)(position % g.ClusterBytes / g.BytesPerSector);
        return FsError.None;
    }

    // The index-th cluster of the file, walking from the cursor when it is not past it.
    // The chain was measured (bounded, loop-free) at open, so the walk is bounded too.
    private FsError ClusterAt(uint index, out uint cluster)
    {
        cluster = 0;
        if (index >= _clusterCount)
            return FsError.Corrupt;
        uint at = 0;
        uint current = _firstCluster;
        if (_cursorCluster != 0 && _cursorIndex <= index)
        {
            at = _cursorIndex;
            current = _cursorCluster;
        }
        while (at < index)
        {
            FsError error = _volume.Fat.Next(current, out uint next, out _);
            if (error != FsError.None)
                return error;
            if (next == 0)
                return FsError.Corrupt;
            current = next;
            at++;
        }
        _cursorIndex = index;
        _cursorCluster = current;
        cluster = current;
        return FsError.None;
    }
}
