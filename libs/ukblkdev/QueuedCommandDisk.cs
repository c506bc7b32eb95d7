using System;
using Uk.Core;
using Uk.Sched;

namespace Uk.BlkDev;

// A disk whose device runs one command at a time (AHCI's port, NVMe's one I/O queue) as an
// IAsyncBlockDevice. Requests queue in a FIFO; the completion of one starts the next, from the
// interrupt handler or from a polling waiter. A thread that submits sleeps on its request's
// event until the interrupt handler sees it done; before the scheduler runs, or without
// interrupts, the caller polls the device instead.
//
// Every command has a deadline: a command still running when it passes is aborted by a hard
// recovery of the device (which stops its DMA) and fails with IoError, so the device can no
// longer write into a buffer its caller gave up on. Errors the device reports fail that one
// command. Nothing here panics: every failure is a BlockStatus and a count. The driver
// supplies the device's side: issuing a command, polling for its end, recovery, and what its
// error reports mean.
public abstract unsafe class QueuedCommandDisk : IAsyncBlockDevice
{
    private const int Records = 32;

    private readonly DiskRequest[] _records = new DiskRequest[Records];
    private readonly RequestFifo _queue = new RequestFifo(Records);
    private readonly WaitQueue _recordFreed = new WaitQueue();
    private readonly WaitQueue _asyncCompleted = new WaitQueue();
    private DiskRequest? _active;
    // The last recovery left the device stopped: each request first tries once more.
    private bool _deviceDown;

    protected QueuedCommandDisk(string name)
    {
        Name = name;
        for (int i = 0; i < Records; i++)
            _records[i] = new DiskRequest();
    }

    public string Name { get; }

    public abstract int SectorSize { get; }

    public abstract ulong SectorCount { get; }

    public abstract bool IsReadOnly { get; }

    // Larger transfers go out in pieces of this size, so one request does not hold the device
    // for long; asynchronous requests may not be larger.
    public abstract int MaximumRequestBytes { get; }

    // Completions were announced by interrupt (else every wait polls).
    public bool UsesInterrupts { get; set; }

    // Commands that ended in an error or a timeout.
    public ulong FailedRequests { get; private set; }

    // Of those, commands aborted because their deadline passed.
    public ulong TimedOutRequests { get; private set; }

    // Times the device had to be recovered and would not start again. While it stays down
    // each request tries a hard recovery once more and fails at once if that does not help.
    public ulong FailedRecoveries { get; private set; }

    // The driver's name in log lines ("ahci").
    protected abstract string DriverName { get; }

    // The driver's option: milliseconds a command may run.
    protected abstract int TimeoutMs { get; }

    // Low address bits a DMA buffer must have clear (1 for even addresses, 3 for dwords).
    protected abstract ulong AlignmentMask { get; }

    protected abstract byte ReadCommand { get; }

    protected abstract byte WriteCommand { get; }

    protected abstract byte FlushCommand { get; }

    // What a hard recovery does to the device, for the log ("port reset").
    protected abstract string RecoveryDescription { get; }

    // Starts a command on the idle device. Interrupts are off.
    protected abstract void Issue(byte command, ulong sector, int sectors, ulong data, int bytes, bool write);

    // Whether the command in flight is still running, done or failed. Interrupts are off.
    protected abstract CommandResult Poll();

    // Makes the device usable again: hard after a timeout (its DMA stopped, the device
    // reset), soft after a reported error. False when it would not start again.
    protected abstract bool Recover(bool hard);

    // Whether a reported error leaves the device needing a soft recovery before the next command.
    protected abstract bool RecoversAfterError { get; }

    // The status the last reported error stands for.
    protected abstract BlockStatus MapLastError();

    // The device's report of the last error, for the log (" task file 0x...").
    protected abstract string DescribeLastError();

    // True while a command is on the device.
    protected bool HasCommandInFlight => _active is not null;

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

    public BlockStatus Flush() => Execute(FlushCommand, 0, 0, 0, write: false);

    public BlockStatus Submit(BlockRequest request)
    {
        BlockStatus check = CheckAsync(request);
        if (check != BlockStatus.Ok || request.Count == 0 && request.Operation != BlockOperation.Flush)
        {
            request.Complete(check);
            return check;
        }
        long deadline = Deadline.After(TimeoutMs);
        DiskRequest? record = Acquire(deadline);
        if (record is null)
        {
            request.Complete(BlockStatus.IoError);
            return BlockStatus.IoError;
        }
        record.Async = request;
        ulong data = 0;
        // The pointer outlives the fixed block: the request keeps the array alive and the
        // kernel's heap does not move objects, so the device may use it until completion.
        if (request.Count > 0)
        {
            fixed (byte* start = &request.Buffer![request.Offset])
                data = (ulong)start;
            if ((data & AlignmentMask) != 0)
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
            BlockOperation.Read => ReadCommand,
            BlockOperation.Write => WriteCommand,
            _ => FlushCommand,
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
            if (deadline != long.MaxValue && Deadline.Passed(deadline, polls, TimeoutMs))
                return request.IsCompleted;
        }
    }

    // Runs with interrupts off: from the interrupt handler or a waiter. Finishes the command
    // in flight if it is done, failed or overdue, then starts the next.
    protected void ProcessCompletions()
    {
        DiskRequest? active = _active;
        if (active is null)
            return;
        CommandResult result = Poll();
        if (result == CommandResult.Busy)
        {
            if (!Clock.IsAvailable || Clock.Monotonic < active.Deadline)
                return;
            TimedOutRequests++;
            Abort(active);
        }
        else if (result == CommandResult.Failed)
        {
            if (RecoversAfterError)
                RecoverDevice(hard: false);
            FailedRequests++;
            Finish(active, MapLastError());
        }
        else
            Finish(active, BlockStatus.Ok);
        StartNext();
    }

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
        byte command = write ? WriteCommand : ReadCommand;
        while (length > 0)
        {
            int piece = Math.Min(length, sectorsPerPiece * SectorSize);
            BlockStatus status = ((ulong)data & AlignmentMask) == 0
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

    // A buffer the device cannot address goes through an aligned copy (managed arrays start aligned).
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
        long deadline = Deadline.After(TimeoutMs);
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
            Log.Warn(DriverName + ": " + Name + ": command 0x" + command.ToString("x2") + " at sector " + sector.ToString()
                + (timedOut ? " timed out after " + TimeoutMs.ToString() + " ms, " + RecoveryDescription
                    : " failed," + DescribeLastError()));
        return result;
    }

    private void Prepare(DiskRequest record, byte command, ulong sector, ulong data, int bytes, bool write)
    {
        record.Command = command;
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
            if (Deadline.Passed(deadline, polls, TimeoutMs))
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
        RecoverDevice(hard: true);
        FailedRequests++;
        Finish(active, BlockStatus.IoError);
    }

    private void RecoverDevice(bool hard)
    {
        _deviceDown = !Recover(hard);
        if (_deviceDown)
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
            if (_deviceDown)
                RecoverDevice(hard: true);
            if (_deviceDown)
            {
                FailedRequests++;
                Finish(record, BlockStatus.IoError);
                continue;
            }
            // A command's time on the device counts from here, not from when it was queued,
            // so a long queue does not leave the last ones overdue the moment they start.
            record.Deadline = Deadline.After(TimeoutMs);
            _active = record;
            Issue(record.Command, record.Sector, record.Sectors, record.Data, record.Bytes, record.IsWrite);
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
            if (Deadline.Passed(deadline, polls, TimeoutMs))
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
