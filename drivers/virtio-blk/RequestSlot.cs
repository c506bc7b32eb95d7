using Uk.BlkDev;
using Uk.Sched;

namespace Uk.Drivers.VirtioBlk;

// One request in flight: its header and status byte live in DMA memory the device reads and
// writes; the rest is the driver's own record of it.
internal sealed unsafe class RequestSlot
{
    public RequestSlot(byte* header)
    {
        Header = header;
        StatusByte = header + VirtioBlkProtocol.HeaderBytes;
    }

    public byte* Header { get; }

    public byte* StatusByte { get; }

    public bool InUse;

    public bool Done;

    // The waiter gave up (timeout): the completion, if it ever comes, only frees the slot.
    public bool Abandoned;

    public BlockStatus Result;

    // Signalled from the interrupt handler when a thread sleeps on this request.
    public readonly Event Completed = new Event(autoReset: true);
}
