using Uk.BlkDev;
using Uk.Sched;

namespace Uk.Drivers.Ahci;

// One request the disk holds: the ATA command it becomes, where its data is, and the
// driver's record of its progress. The port runs one command at a time (commands that are
// not queued run one after another on a SATA link anyway), so requests wait in AhciDisk's
// FIFO until the port is free; that keeps every error tied to the one command that caused it.
internal sealed class DiskRequest
{
    public bool InUse;

    public bool Done;

    // The waiter gave up before the request reached the port: it is dropped, not issued.
    public bool Abandoned;

    public BlockStatus Result;

    // It failed because its deadline passed (the port was stopped under it).
    public bool TimedOut;

    public byte Command;

    public ulong Sector;

    public int Sectors;

    // Physical address and length of the data; 0 bytes for a flush.
    public ulong Data;

    public int Bytes;

    public bool IsWrite;

    // Clock.Monotonic nanoseconds by which the command must have finished, counted from
    // when it was issued to the port.
    public long Deadline;

    // The asynchronous request this carries, or null for a caller waiting in Read/Write/Flush.
    public BlockRequest? Async;

    // An aligned copy of an asynchronous request's buffer, when that sat at an odd address
    // (the HBA's region descriptors need even ones); copied back when a read completes.
    public byte[]? Bounce;

    // Signalled when a thread sleeps on this request.
    public readonly Event Completed = new Event(autoReset: true);
}
