using Uk.Sched;

namespace Uk.BlkDev;

// One request a QueuedCommandDisk holds: the device command it becomes, where its data is,
// and the driver's record of its progress. The device runs one command at a time, so
// requests wait in the disk's FIFO until it is free; that keeps every error and every
// deadline tied to the one command it concerns.
internal sealed class DiskRequest
{
    public bool InUse;

    public bool Done;

    // The waiter gave up before the request reached the device: it is dropped, not issued.
    public bool Abandoned;

    public BlockStatus Result;

    // It failed because its deadline passed (the device was stopped under it).
    public bool TimedOut;

    public byte Command;

    public ulong Sector;

    public int Sectors;

    // Physical address and length of the data; 0 bytes for a flush.
    public ulong Data;

    public int Bytes;

    public bool IsWrite;

    // Clock.Monotonic nanoseconds by which the command must have finished, counted from
    // when it was issued to the device.
    public long Deadline;

    // The asynchronous request this carries, or null for a caller waiting in Read/Write/Flush.
    public BlockRequest? Async;

    // An aligned copy of an asynchronous request's buffer, when that sat at an odd address
    // (DMA descriptors need aligned ones); copied back when a read completes.
    public byte[]? Bounce;

    // Signalled when a thread sleeps on this request.
    public readonly Event Completed = new Event(autoReset: true);
}
