using System;

namespace Uk.BlkDev;

// A disk: a run of fixed-size sectors. Calls block the calling thread until the device has
// completed the request; a successful Write is in the device's cache, a successful Flush
// makes every completed write durable.
public interface IBlockDevice
{
    // Stable within a boot, e.g. "vda", "vdb" in the order the bus found the disks.
    string Name { get; }

    // Bytes per sector (512 for virtio-blk unless the device says otherwise).
    int SectorSize { get; }

    ulong SectorCount { get; }

    bool IsReadOnly { get; }

    // Reads buffer.Length / SectorSize sectors starting at sector.
    BlockStatus Read(ulong sector, Span<byte> buffer);

    // Writes buffer.Length / SectorSize sectors starting at sector.
    BlockStatus Write(ulong sector, ReadOnlySpan<byte> buffer);

    // Returns once every write completed before the call is on stable storage.
    BlockStatus Flush();
}
