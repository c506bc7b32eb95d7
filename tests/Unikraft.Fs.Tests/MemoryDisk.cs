using Uk.BlkDev;

namespace Unikraft.Fs.Tests;

// A disk in a byte array, standing in for virtio-blk. It counts flushes and can record every
// write in order, so tests can replay a prefix of them as a power cut would leave the disk.
public sealed class MemoryDisk : IBlockDevice
{
    private readonly byte[] _bytes;

    public MemoryDisk(byte[] bytes, int sectorSize = 512, bool readOnly = false)
    {
        _bytes = bytes;
        SectorSize = sectorSize;
        IsReadOnly = readOnly;
    }

    public string Name => "mem0";

    public int SectorSize { get; }

    public ulong SectorCount => (ulong)(_bytes.Length / SectorSize);

    public bool IsReadOnly { get; }

    public byte[] Bytes => _bytes;

    public int Flushes { get; private set; }

    // Each write (sector, data) and each flush (null data), in order, when recording.
    public List<(ulong Sector, byte[]? Data)>? Journal { get; set; }

    public BlockStatus Read(ulong sector, Span<byte> buffer)
    {
        if (buffer.Length % SectorSize != 0)
            return BlockStatus.BadLength;
        if (sector * (ulong)SectorSize + (ulong)buffer.Length > (ulong)_bytes.Length)
            return BlockStatus.OutOfRange;
        _bytes.AsSpan((int)(sector * (ulong)SectorSize), buffer.Length).CopyTo(buffer);
        return BlockStatus.Ok;
    }

    public BlockStatus Write(ulong sector, ReadOnlySpan<byte> buffer)
    {
        if (IsReadOnly)
            return BlockStatus.ReadOnly;
        if (buffer.Length % SectorSize != 0)
            return BlockStatus.BadLength;
        if (sector * (ulong)SectorSize + (ulong)buffer.Length > (ulong)_bytes.Length)
            return BlockStatus.OutOfRange;
        buffer.CopyTo(_bytes.AsSpan((int)(sector * (ulong)SectorSize)));
        Journal?.Add((sector, buffer.ToArray()));
        return BlockStatus.Ok;
    }

    public BlockStatus Flush()
    {
        Flushes++;
        Journal?.Add((0, null));
        return BlockStatus.Ok;
    }
}
