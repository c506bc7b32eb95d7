using System;
using Uk.BlkDev;
using Uk.Core;
using Uk.Sched;

namespace Uk.Drivers.Ahci;

// A SATA disk on an AHCI port as an IAsyncBlockDevice. Requests queue in a FIFO and the port
// runs one command at a time (READ DMA EXT, WRITE DMA EXT, FLUSH CACHE EXT); the completion
// of one starts the next, from the interrupt handler or from a polling waiter. A thread that
// submits sleeps on its request's event until the interrupt handler sees it done; before the
// scheduler runs, or without interrupts, the caller polls the port instead.
//
// Every command has a deadline: a command still running when it passes is aborted by
// stopping the port and resetting the device (COMRESET) and fails with IoError, so the
// device can no longer write into a buffer its caller gave up on. Errors the device reports
// (PxIS.TFES with the ATA error register in PxTFD) fail that one command and the port is
// recovered for the next. Nothing here panics: every failure is a BlockStatus and a count.
public sealed unsafe class AhciDisk : IAsyncBlockDevice
{
    // Large transfers go out in pieces, so one request does not hold the port for long.
    public const int MaximumTransferBytes = 256 * 1024;
    private const int Records = 32;
    private const byte ErrorIdNotFound = 1 << 4;

    private readonly AhciPort _port;
    private readonly IdentifyData _identity;
    private readonly DiskRequest[] _records = new DiskRequest[Records];
    private readonly RequestFifo _queue = new RequestFifo(Records);
    private readonly WaitQueue _recordFreed = new WaitQueue();
    private readonly WaitQueue _asyncCompleted = new WaitQueue();
    private DiskRequest? _active;
    // The last recovery left the port stopped: each request first tries once more.
    private bool _portDown;

    public AhciDisk(string name, AhciPort port, IdentifyData identity)
    {
        Name = name;
        _port = port;
        _identity = identity;
        for (int i = 0; i < Records; i++)
            _records[i] = new DiskRequest();
    }

    public string Name { get; }

    public AhciPort Port => _port;

    public int SectorSize => _identity.SectorSize;

    public ulong SectorCount => _identity.SectorCount;

    // ATA disks have no write protection the driver could read; QEMU refuses read-only
    // drives for ide-hd.
    public bool IsReadOnly => false;

    public string Model => _identity.Model;

    public bool HasFlushExt => _identity.HasFlushExt;

    public int MaximumRequestBytes => MaximumTransferBytes;

    // Completions were announced by interrupt (else every wait polls).
    public bool UsesInterrupts { get; set; }

    // Commands that ended in an error or a timeout.
    public ulong FailedRequests { get; private set; }

    // Of those, commands aborted because their deadline passed.
    public ulong TimedOutRequests { get; private set; }

    // Times the port had to be recovered and would not start again. While it stays down each
    // request tries a COMRESET once more and fails at once if that does not help.
    public ulong FailedRecoveries { get; private set; }

    public uint LastTaskFile => _port.LastTaskFile;

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
        long deadline = Deadline.After(AhciOptions.TimeoutMs);
        DiskRequest? record = Acquire(deadline);
        if (record is null)
        {
            request.Complete(BlockStatus.IoError);
            return BlockStatus.IoError;
        }
        record.Async = request;
        ulong data = 0;
        // The pointer outlives the fixed block: the request keeps the array alive and the
        // kernel's heap does not move objects, so the HBA may use it until completion.
        if (request.Count > 0)
        {
            fixed (byte* start = &request.Buffer![request.Offset])
                data = (ulong)start;
            if ((data & 1) != 0)
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
            BlockOperation.Read => AtaProtocol.ReadDmaExt,
            BlockOperation.Write => AtaProtocol.WriteDmaExt,
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
            if (deadline != long.MaxValue && Deadline.Passed(deadline, polls, AhciOptions.TimeoutMs))
                return request.IsCompleted;
        }
    }

    // The interrupt handler's share for this port (AhciController calls it). Causes with no
    // command in flight are cleared too, or the HBA's interrupt would stay raised.
    public void OnInterrupt()
    {
        ProcessCompletions();
        if (_active is null)
            _port.Acknowledge();
    }

    private byte FlushCommand => _identity.HasFlushExt ? AtaProtocol.FlushCacheExt : AtaProtocol.FlushCache;

    private BlockStatus CheckAsync(BlockRequest request)
    {
        if (!request.HasValidBuffer() || request.Count > MaximumTransferBytes)
            return BlockStatus.BadLength;
        if (request.Operation == BlockOperation.Flush)
            return BlockStatus.Ok;
        return BlockRange.Check(request.Sector, request.Count, SectorSize, SectorCount);
    }

    private BlockStatus Transfer(ulong sector, byte* data, int length, bool write)
    {
        int sectorsPerPiece = MaximumTransferBytes / SectorSize;
        byte command = write ? AtaProtocol.WriteDmaExt : AtaProtocol.ReadDmaExt;
        while (length > 0)
        {
            int piece = Math.Min(length, sectorsPerPiece * SectorSize);
            BlockStatus status = ((ulong)data & 1) == 0
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

    // A buffer at an odd address goes through an aligned copy (managed arrays start aligned).
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
        long deadline = Deadline.After(AhciOptions.TimeoutMs);
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
            Log.Warn("ahci: " + Name + ": command 0x" + command.ToString("x2") + " at sector " + sector.ToString()
                + (timedOut ? " timed out after " + AhciOptions.TimeoutMs.ToString() + " ms, port reset"
                    : " failed, task file 0x" + _port.LastTaskFile.ToString("x4") + ", port status 0x" + _port.LastErrorStatus.ToString("x8")));
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
            if (Deadline.Passed(deadline, polls, AhciOptions.TimeoutMs))
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
        CommandResult result = _port.Poll();
        if (result == CommandResult.Busy)
        {
            if (!Clock.IsAvailable || Clock.Monotonic < active.Deadline)
                return;
            TimedOutRequests++;
            Abort(active);
        }
        else if (result == CommandResult.Failed)
        {
            Recover(resetDevice: false);
            FailedRequests++;
            Finish(active, MapError(_port.LastTaskFile));
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
        Recover(resetDevice: true);
        FailedRequests++;
        Finish(active, BlockStatus.IoError);
    }

    private void Recover(bool resetDevice)
    {
        _portDown = !_port.Recover(resetDevice);
        if (_portDown)
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

    // IDNF: the device found no such sector, which the range check should have prevented.
    private static BlockStatus MapError(uint taskFile) =>
        ((taskFile >> 8) & ErrorIdNotFound) != 0 ? BlockStatus.OutOfRange : BlockStatus.IoError;

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
            if (_portDown)
                Recover(resetDevice: true);
            if (_portDown)
            {
                FailedRequests++;
                Finish(record, BlockStatus.IoError);
                continue;
            }
            // A command's time on the port counts from here, not from when it was queued,
            // so a long queue does not leave the last ones overdue the moment they start.
            record.Deadline = Deadline.After(AhciOptions.TimeoutMs);
            _active = record;
            _port.Issue(record.Command, record.Sector, record.Sectors, record.Data, record.Bytes, record.IsWrite);
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
            if (Deadline.Passed(deadline, polls, AhciOptions.TimeoutMs))
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
