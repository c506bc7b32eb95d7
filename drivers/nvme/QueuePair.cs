using System;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Nvme;

// A submission queue and the completion queue it posts to, each one physically contiguous
// page-aligned ring, with the tail and head the driver keeps and the phase it expects. The
// controller flips the phase bit it writes each time it wraps round the completion ring,
// so an entry is new when its phase equals the driver's and the driver flips its own when
// its head wraps.
public sealed unsafe class QueuePair
{
    public const int SubmissionEntryBytes = 64;
    public const int CompletionEntryBytes = 16;

    private readonly INvmeRegisters _registers;
    private readonly byte* _submissions;
    private readonly byte* _completions;
    private readonly int _submissionDoorbell;
    private readonly int _completionDoorbell;
    private int _tail;
    private int _head;
    private bool _phase;
    private ushort _nextCommandId;

    private QueuePair(INvmeRegisters registers, int id, int entries, int doorbellStride, byte* submissions, byte* completions)
    {
        _registers = registers;
        Id = id;
        Entries = entries;
        _submissions = submissions;
        _completions = completions;
        _submissionDoorbell = NvmeRegisters.SubmissionDoorbell(id, doorbellStride);
        _completionDoorbell = NvmeRegisters.CompletionDoorbell(id, doorbellStride);
        _phase = true;
    }

    public int Id { get; }

    public int Entries { get; }

    public ulong SubmissionAddress => (ulong)_submissions;

    public ulong CompletionAddress => (ulong)_completions;

    // Null when the allocator has no room.
    public static QueuePair? Allocate(INvmeRegisters registers, int id, int entries, int doorbellStride)
    {
        byte* submissions = DmaMemory.Zeroed(entries * SubmissionEntryBytes, NvmeProtocol.PageSize);
        byte* completions = DmaMemory.Zeroed(entries * CompletionEntryBytes, NvmeProtocol.PageSize);
        if (submissions == null || completions == null)
            return null;
        return new QueuePair(registers, id, entries, doorbellStride, submissions, completions);
    }

    // Back to the state a new queue starts in on the controller (after a controller reset,
    // before the queue is created again): empty rings, phase one.
    public void Reset()
    {
        new Span<byte>(_submissions, Entries * SubmissionEntryBytes).Clear();
        new Span<byte>(_completions, Entries * CompletionEntryBytes).Clear();
        _tail = 0;
        _head = 0;
        _phase = true;
    }

    // Writes the entry at the tail and rings the doorbell; the command identifier it got.
    // The driver keeps fewer commands in flight than entries, so the ring is never full.
    public ushort Submit(in SubmissionEntry entry)
    {
        ushort id = _nextCommandId++;
        byte* slot = _submissions + _tail * SubmissionEntryBytes;
        new Span<byte>(slot, SubmissionEntryBytes).Clear();
        DeviceMemory.Write32(slot, entry.Opcode | (uint)id << 16);
        DeviceMemory.Write32(slot + 4, entry.Namespace);
        DeviceMemory.Write64(slot + 24, entry.Prp1);
        DeviceMemory.Write64(slot + 32, entry.Prp2);
        DeviceMemory.Write32(slot + 40, entry.Dword10);
        DeviceMemory.Write32(slot + 44, entry.Dword11);
        DeviceMemory.Write32(slot + 48, entry.Dword12);
        DeviceMemory.Write32(slot + 52, entry.Dword13);
        _tail = (_tail + 1) % Entries;
        _registers.Write(_submissionDoorbell, (uint)_tail);
        return id;
    }

    // Takes the entry at the head if the controller has posted it, and tells the controller
    // the slot is free.
    public bool TryTake(out Completion completion)
    {
        byte* slot = _completions + _head * CompletionEntryBytes;
        uint last = DeviceMemory.Read32(slot + 12);
        if (((last >> 16) & 1) != (_phase ? 1u : 0u))
        {
            completion = default;
            return false;
        }
        completion = new Completion(DeviceMemory.Read32(slot), (ushort)last, (ushort)(last >> 17));
        _head++;
        if (_head == Entries)
        {
            _head = 0;
            _phase = !_phase;
        }
        _registers.Write(_completionDoorbell, (uint)_head);
        return true;
    }
}
