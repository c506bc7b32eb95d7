using Uk.BlkDev;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Nvme;

// The I/O queue pair as NvmeDisk uses it: one command at a time for namespace 1, its data
// described by PRP entries (NVMe 1.4, 4.3): PRP1 the first byte, PRP2 the second page or,
// when the transfer spans more than two pages, a list of the further pages in a page of
// its own. Data must be dword-aligned; every page after the first starts on a page boundary
// because buffers are physically contiguous (identity-mapped).
public sealed unsafe class IoQueue
{
    public const int ListEntries = NvmeProtocol.PageSize / 8;
    private const uint NamespaceId = 1;

    private readonly NvmeController _controller;
    private readonly ulong* _list;
    private ushort _commandId;

    private IoQueue(NvmeController controller, ulong* list)
    {
        _controller = controller;
        _list = list;
    }

    public NvmeController Controller => _controller;

    // The status field of the last command that failed.
    public ushort LastStatus { get; private set; }

    public ulong ListAddress => (ulong)_list;

    // Null when the allocator has no room for the PRP list page.
    public static IoQueue? Create(NvmeController controller)
    {
        byte* list = DmaMemory.Zeroed(NvmeProtocol.PageSize, NvmeProtocol.PageSize);
        return list == null ? null : new IoQueue(controller, (ulong*)list);
    }

    // The largest transfer one command can carry with one list page, wherever in its first
    // page the data starts.
    public const int MaximumBytes = ListEntries * NvmeProtocol.PageSize;

    // sectors is the count (not zero-based); data and bytes are 0 for a flush.
    public void Issue(byte opcode, ulong lba, int sectors, ulong data, int bytes)
    {
        var entry = new SubmissionEntry { Opcode = opcode, Namespace = NamespaceId };
        if (bytes > 0)
        {
            entry.Prp1 = data;
            entry.Prp2 = SecondPointer(data, bytes);
            entry.Dword10 = (uint)lba;
            entry.Dword11 = (uint)(lba >> 32);
            entry.Dword12 = (uint)(sectors - 1);
        }
        _commandId = _controller.Io!.Submit(entry);
    }

    // Whether the command in flight has completed, and how.
    public CommandResult Poll()
    {
        QueuePair io = _controller.Io!;
        while (io.TryTake(out Completion completion))
        {
            // A completion of an earlier command (one given up on) is not this one's.
            if (completion.CommandId != _commandId)
                continue;
            if (completion.Succeeded)
                return CommandResult.Done;
            LastStatus = completion.Status;
            return CommandResult.Failed;
        }
        return CommandResult.Busy;
    }

    private ulong SecondPointer(ulong data, int bytes)
    {
        int first = NvmeProtocol.PageSize - (int)(data & (NvmeProtocol.PageSize - 1));
        if (bytes <= first)
            return 0;
        ulong next = data + (ulong)first;
        int rest = bytes - first;
        if (rest <= NvmeProtocol.PageSize)
            return next;
        for (int i = 0; rest > 0; i++)
        {
            DeviceMemory.Write64((byte*)(_list + i), next);
            next += NvmeProtocol.PageSize;
            rest -= NvmeProtocol.PageSize;
        }
        return (ulong)_list;
    }
}
