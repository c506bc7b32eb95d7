using Uk.BlkDev;
using Uk.Sched;

namespace Uk.Drivers.Nvme;

// One request the disk holds: the NVM command it becomes, where its data is, and the
// driver's record of its progress. The I/O queue carries one command at a time, so requests
// wait in NvmeDisk's FIFO until it is free; that keeps every error and every deadline tied
// to the one command it concerns.
internal sealed class DiskRequest
{
    public bool InUse;

    public bool Done;

    // The waiter gave up before the request reached the controller: it is dropped, not issued.
    public bool Abandoned;

    public BlockStatus Result;

    // It failed because its deadline passed (the controller was reset under it).
    public bool TimedOut;

    public byte Opcode;

    public ulong Sector;

    public int Sectors;

    // Physical address and length of the data; 0 bytes for a flush.
    public ulong Data;

    public int Bytes;

    public bool IsWrite;

    // Clock.Monotonic nanoseconds by which the command must have finished, counted from
    // when it was issued to the controller.
    public long Deadline;

    // The asynchronous request this carries, or null for a caller waiting in Read/Write/Flush.
    public BlockRequest? Async;

    // An aligned copy of an asynchronous request's buffer, when that was not dword-aligned
    // (PRP entries must be); copied back when a read completes.
    public byte[]? Bounce;

    // Signalled when a thread sleeps on this request.
    public readonly Event Completed = new Event(autoReset: true);
}
