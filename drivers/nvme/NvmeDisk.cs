using System;
using Uk.BlkDev;
using Uk.Core;
using Uk.Sched;

namespace Uk.Drivers.Nvme;

// Namespace 1 of an NVMe controller as an IAsyncBlockDevice. Requests queue in a FIFO and
// the I/O queue runs one command at a time (Read, Write, Flush); the completion of one
// starts the next, from the interrupt handler or from a polling waiter. A thread that
// submits sleeps on its request's event until the interrupt handler sees it done; before the
// scheduler runs, or without interrupts, the caller polls the completion queue instead.
//
// Every command has a deadline: a command still running when it passes is aborted by
// disabling the controller (which stops its DMA) and fails with IoError, so the device can
// no longer write into a buffer its caller gave up on; the controller is enabled and the
// queues made again for the next. An error status fails that one command only. Nothing
// here panics: every failure is a BlockStatus and a count.
public sealed unsafe class NvmeDisk : IAsyncBlockDevice
{
    // Large transfers go out in pieces, so one request does not hold the queue for long.
    public const int MaximumTransferBytes = 256 * 1024;
    private const int Records = 32;

    private readonly IoQueue _queueOnDevice;
    private readonly NvmeIdentity _identity;
    private readonly DiskRequest[] _records = new DiskRequest[Records];
    private readonly RequestFifo _queue = new RequestFifo(Records);
    private readonly WaitQueue _recordFreed = new WaitQueue();
    private readonly WaitQueue _asyncCompleted = new WaitQueue();
    private DiskRequest? _active;
    // The last restart left the controller down: each request first tries once more.
    private bool _controllerDown;

    public NvmeDisk(string name, IoQueue queue, NvmeIdentity identity)
    {
        Name = name;
        _queueOnDevice = queue;
        _identity = identity;
        long limit = identity.MaximumTransferBytes == 0 ? MaximumTransferBytes : Math.Min(identity.MaximumTransferBytes, MaximumTransferBytes);
        MaximumRequestBytes = (int)limit / identity.SectorSize * identity.SectorSize;
        for (int i = 0; i < Records; i++)
            _records[i] = new DiskRequest();
    }

    public string Name { get; }

    public IoQueue Queue => _queueOnDevice;

    public int SectorSize => _identity.SectorSize;

    public ulong SectorCount => _identity.SectorCount;

    public bool IsReadOnly => _identity.IsReadOnly;

    public string Model => _identity.Model;

    // The controller's limit (MDTS) or MaximumTransferBytes, whichever is less.
    public int MaximumRequestBytes { get; }

    // Completions were announced by interrupt (else every wait polls).
    public bool UsesInterrupts { get; set; }

    // Commands that ended in an error or a timeout.
    public ulong FailedRequests { get; private set; }

    // Of those, commands aborted because their deadline passed.
    public ulong TimedOutRequests { get; private set; }

    // Times the controller had to be restarted and would not come back. While it stays down
    // each request tries a restart once more and fails at once if that does not help.
    public ulong FailedRecoveries { get; private set; }

    // The status field (type in 10:8, code in 7:0) of the last command that failed.
    public ushort LastStatus => _queueOnDevice.LastStatus;

    public BlockStatus Read(ulong sector, Span<byte> buffer)
    {
        BlockStatus check = BlockRange.Check(sector, buffer.Length, SectorSize, SectorCount);
        if (check != BlockStatus.Ok)
            return check;
        fixed (byte* data = buffer)
            return Transfer(sector, data, buffer.Length, write: false);
    }

    public BlockStatus Write(ulong sector, ReadOnlySpan<byte> buffer)
    {
        BlockStatus check = BlockRange.Check(sector, buffer.Length, SectorSize, SectorCount);
        if (check != BlockStatus.Ok)
            return check;
        if (IsReadOnly)
            return BlockStatus.ReadOnly;
        fixed (byte* data = buffer)
            return Transfer(sector, data, buffer.Length, write: true);
    }

    public BlockStatus Flush() => Execute(NvmeProtocol.Flush, 0, 0, 0, write: false);

    public BlockStatus Submit(BlockRequest request)
    {
        BlockStatus check = CheckAsync(request);
        if (check != BlockStatus.Ok || request.Count == 0 && request.Operation != BlockOperation.Flush)
        {
            request.Complete(check);
            return check;
        }
        long deadline = Deadline.After(NvmeOptions.TimeoutMs);
        DiskRequest? record = Acquire(deadline);
        if (record is null)
        {
            request.Complete(BlockStatus.IoError);
            return BlockStatus.IoError;
        }
        record.Async = request;
        ulong data = 0;
        // The pointer outlives the fixed block: the request keeps the array alive and the
        // kernel's heap does not move objects, so the controller may use it until completion.
        if (request.Count > 0)
        {
            fixed (byte* start = &request.Buffer![request.Offset])
                data = (ulong)start;
            if ((data & 3) != 0)
            {
                record.Bounce = new byte[request.Count];
                if (request.Operation == BlockOperation.Write)
                    new ReadOnlySpan<byte>(request.Buffer, request.Offset, request.Count).CopyTo(record.Bounce);
                fixed (byte* bounce = record.Bounce)
                    data = (ulong)bounce;
            }
        }
        byte command = request.Operation switch
        {
            BlockOperation.Read => NvmeProtocol.Read,
            BlockOperation.Write => NvmeProtocol.Write,
            _ => NvmeProtocol.Flush,
        };
        Prepare(record, command, request.Sector, data, request.Count, request.Operation == BlockOperation.Write);
        Enqueue(record);
        return BlockStatus.Ok;
    }

    public bool Wait(BlockRequest request, long deadline = long.MaxValue)
    {
        for (long polls = 1; ; polls++)
        {
            ulong flags = Interrupts.Disable();
            ProcessCompletions();
            if (request.IsCompleted)
            {
                Interrupts.Restore(flags);
                return true;
            }
            if (CanSleep())
            {
                // Woken by a completion, or when the command in flight is due, to abort it.
                _asyncCompleted.Wait(WakeBy(deadline));
                Interrupts.Restore(flags);
                if (Clock.Monotonic >= deadline)
                    return request.IsCompleted;
                continue;
            }
            Interrupts.Restore(flags);
            if (deadline != long.MaxValue && Deadline.Passed(deadline, polls, NvmeOptions.TimeoutMs))
                return request.IsCompleted;
        }
    }

    // The MSI-X, MSI or INTx handler. Taking the completion moves the head doorbell, which
    // is all the acknowledging NVMe wants (INTx drops once no completion is left unread).
    public void OnInterrupt()
    {
        InterruptCount++;
        ProcessCompletions();
    }

    // Interrupts taken (some may find nothing: a shared line, an admin completion).
    public ulong InterruptCount { get; private set; }

    private BlockStatus CheckAsync(BlockRequest request)
    {
        if (!request.HasValidBuffer() || request.Count > MaximumRequestBytes)
            return BlockStatus.BadLength;
        if (request.Operation == BlockOperation.Flush)
            return BlockStatus.Ok;
        if (request.Operation == BlockOperation.Write && IsReadOnly)
            return BlockStatus.ReadOnly;
        return BlockRange.Check(request.Sector, request.Count, SectorSize, SectorCount);
    }

    private BlockStatus Transfer(ulong sector, byte* data, int length, bool write)
    {
        int sectorsPerPiece = MaximumRequestBytes / SectorSize;
        byte command = write ? NvmeProtocol.Write : NvmeProtocol.Read;
        while (length > 0)
        {
            int piece = Math.Min(length, sectorsPerPiece * SectorSize);
            BlockStatus status = ((ulong)data & 3) == 0
                ? Execute(command, sector, (ulong)data, piece, write)
                : ExecuteBounced(command, sector, data, piece, write);
            if (status != BlockStatus.Ok)
                return status;
            sector += (ulong)(piece / SectorSize);
            data += piece;
            length -= piece;
        }
        return BlockStatus.Ok;
    }

    // A buffer not on a dword boundary goes through an aligned copy (managed arrays start aligned).
    private BlockStatus ExecuteBounced(byte command, ulong sector, byte* data, int length, bool write)
    {
        var bounce = new byte[length];
        var caller = new Span<byte>(data, length);
        if (write)
            caller.CopyTo(bounce);
        BlockStatus status;
        fixed (byte* aligned = bounce)
            status = Execute(command, sector, (ulong)aligned, length, write);
        if (status == BlockStatus.Ok && !write)
            bounce.AsSpan().CopyTo(caller);
        return status;
    }

    private BlockStatus Execute(byte command, ulong sector, ulong data, int bytes, bool write)
    {
        long deadline = Deadline.After(NvmeOptions.TimeoutMs);
        DiskRequest? record = Acquire(deadline);
        if (record is null)
            return BlockStatus.IoError;
        Prepare(record, command, sector, data, bytes, write);
        Enqueue(record);
        bool finished = WaitFor(record, deadline);
        ulong flags = Interrupts.Disable();
        if (!finished)
            GiveUp(record);
        BlockStatus result = record.Result;
        bool timedOut = record.TimedOut;
        Interrupts.Restore(flags);
        Release(record);
        if (result != BlockStatus.Ok)
            Log.Warn("nvme: " + Name + ": command 0x" + command.ToString("x2") + " at sector " + sector.ToString()
                + (timedOut ? " timed out after " + NvmeOptions.TimeoutMs.ToString() + " ms, controller reset"
                    : " failed, status 0x" + LastStatus.ToString("x4")));
        return result;
    }

    private void Prepare(DiskRequest record, byte command, ulong sector, ulong data, int bytes, bool write)
    {
        record.Opcode = command;
        record.Sector = sector;
        record.Sectors = bytes / SectorSize;
        record.Data = data;
        record.Bytes = bytes;
        record.IsWrite = write;
    }

    private bool WaitFor(DiskRequest record, long deadline)
    {
        for (long polls = 1; ; polls++)
        {
            ulong flags = Interrupts.Disable();
            ProcessCompletions();
            bool done = record.Done;
            long wake = WakeBy(deadline);
            Interrupts.Restore(flags);
            if (done)
                return true;
            if (Deadline.Passed(deadline, polls, NvmeOptions.TimeoutMs))
                return false;
            if (CanSleep())
                record.Completed.Wait(wake);
        }
    }

    // The caller's deadline, or sooner the one of the command in flight (so a sleeper
    // notices a hung command even when no interrupt ever comes).
    private long WakeBy(long deadline)
    {
        DiskRequest? active = _active;
        return active is not null && active.Deadline < deadline ? active.Deadline : deadline;
    }

    // Runs with interrupts off: from the handler or a waiter. Finishes the command in flight
    // if it is done, failed or overdue, then starts the next.
    private void ProcessCompletions()
    {
        DiskRequest? active = _active;
        if (active is null)
            return;
        CommandResult result = _queueOnDevice.Poll();
        if (result == CommandResult.Busy)
        {
            if (!Clock.IsAvailable || Clock.Monotonic < active.Deadline)
                return;
            TimedOutRequests++;
            Abort(active);
        }
        else if (result == CommandResult.Failed)
        {
            FailedRequests++;
            Finish(active, MapError(_queueOnDevice.LastStatus));
        }
        else
            Finish(active, BlockStatus.Ok);
        StartNext();
    }

    // The waiter's deadline passed (with interrupts off). Unless the request finished after
    // all, it is aborted or, not yet issued, dropped from the queue.
    private void GiveUp(DiskRequest record)
    {
        if (record.Done)
            return;
        TimedOutRequests++;
        if (record == _active)
        {
            Abort(record);
            StartNext();
        }
        else
        {
            record.Abandoned = true;
            record.TimedOut = true;
            FailedRequests++;
            record.Result = BlockStatus.IoError;
        }
    }

    private void Abort(DiskRequest active)
    {
        active.TimedOut = true;
        Recover();
        FailedRequests++;
        Finish(active, BlockStatus.IoError);
    }

    private void Recover()
    {
        _controllerDown = !_queueOnDevice.Controller.Restart();
        if (_controllerDown)
            FailedRecoveries++;
    }

    private void Finish(DiskRequest record, BlockStatus status)
    {
        _active = null;
        record.Result = status;
        record.Done = true;
        BlockRequest? request = record.Async;
        if (request is null)
        {
            if (ThreadsRun())
                record.Completed.Set();
            return;
        }
        if (record.Bounce is not null && status == BlockStatus.Ok && request.Operation == BlockOperation.Read)
            record.Bounce.AsSpan().CopyTo(new Span<byte>(request.Buffer!, request.Offset, request.Count));
        Release(record);
        request.Complete(status);
        if (ThreadsRun())
            _asyncCompleted.WakeAll();
    }

    // LBA out of range or capacity exceeded (generic status): the range check should have
    // prevented it. Every other status - media errors, aborts, internal errors - is IoError.
    private static BlockStatus MapError(ushort status)
    {
        int type = (status >> NvmeProtocol.StatusTypeShift) & NvmeProtocol.StatusTypeMask;
        int code = status & NvmeProtocol.StatusCodeMask;
        bool range = type == NvmeProtocol.StatusGeneric && (code == NvmeProtocol.StatusLbaOutOfRange || code == NvmeProtocol.StatusCapacityExceeded);
        return range ? BlockStatus.OutOfRange : BlockStatus.IoError;
    }

    private void Enqueue(DiskRequest record)
    {
        ulong flags = Interrupts.Disable();
        _queue.Add(record);
        if (_active is null)
            StartNext();
        Interrupts.Restore(flags);
    }

    // Interrupts off. Issues the oldest queued request that still has a waiter.
    private void StartNext()
    {
        while (_active is null && _queue.Take() is DiskRequest record)
        {
            if (record.Abandoned)
            {
                record.Abandoned = false;
                Release(record);
                continue;
            }
            if (_controllerDown)
                Recover();
            if (_controllerDown)
            {
                FailedRequests++;
                Finish(record, BlockStatus.IoError);
                continue;
            }
            // A command's time on the device counts from here, not from when it was queued,
            // so a long queue does not leave the last ones overdue the moment they start.
            record.Deadline = Deadline.After(NvmeOptions.TimeoutMs);
            _active = record;
            _queueOnDevice.Issue(record.Opcode, record.Sector, record.Sectors, record.Data, record.Bytes);
        }
    }

    private DiskRequest? Acquire(long deadline)
    {
        for (long polls = 1; ; polls++)
        {
            ulong flags = Interrupts.Disable();
            for (int i = 0; i < Records; i++)
            {
                DiskRequest record = _records[i];
                if (!record.InUse)
                {
                    record.InUse = true;
                    record.Done = false;
                    record.Abandoned = false;
                    record.TimedOut = false;
                    record.Async = null;
                    record.Bounce = null;
                    Interrupts.Restore(flags);
                    return record;
                }
            }
            if (CanSleep())
            {
                bool woken = _recordFreed.Wait(WakeBy(deadline));
                Interrupts.Restore(flags);
                if (!woken && Clock.Monotonic >= deadline)
                    return null;
                continue;
            }
            // Polling: only completions free records.
            ProcessCompletions();
            Interrupts.Restore(flags);
            if (Deadline.Passed(deadline, polls, NvmeOptions.TimeoutMs))
                return null;
        }
    }

    // A record still queued (abandoned) is released when StartNext drops it.
    private void Release(DiskRequest record)
    {
        ulong flags = Interrupts.Disable();
        if (!record.Abandoned || record.Done)
        {
            record.InUse = false;
            record.Async = null;
            record.Bounce = null;
            if (ThreadsRun())
                _recordFreed.WakeOne();
        }
        Interrupts.Restore(flags);
    }

    // A thread may sleep when a scheduler runs threads, completions interrupt, and we are
    // not inside an interrupt handler.
    private bool CanSleep() => UsesInterrupts && ThreadsRun() && Interrupts.Nesting == 0;

    private static bool ThreadsRun() => Scheduler.HasCurrentThread;
}
