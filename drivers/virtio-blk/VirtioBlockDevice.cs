using System;
using Uk.Alloc;
using Uk.BlkDev;
using Uk.Core;
using Uk.Drivers.Virtio;
using Uk.Sched;

namespace Uk.Drivers.VirtioBlk;

// A virtio-blk disk as an IBlockDevice. Each request is a chain of three descriptors
// (header, data, status byte; two for a flush). A thread that submits sleeps on its
// request's event until the interrupt handler sees the completion; before the scheduler
// runs, or without an interrupt line, the caller polls the used ring instead. Every wait
// has a deadline, so a device that never answers fails the request instead of hanging.
internal sealed unsafe class VirtioBlockDevice : IBlockDevice
{
    private const int RequestQueue = 0;
    private const int SlotBytes = 32;
    // Large transfers go out in pieces: QEMU accepts far more, but a bounded chain keeps one
    // request from holding the queue for long.
    private const int MaximumTransferBytes = 256 * 1024;

    private readonly IVirtioTransport _transport;
    private readonly SplitQueue _queue;
    private readonly RequestSlot[] _slots;
    private readonly short[] _slotOfHead;
    private readonly WaitQueue _slotFreed = new WaitQueue();
    private readonly bool _hasFlush;
    private readonly int _unitsPerSector;

    public VirtioBlockDevice(string name, IVirtioTransport transport, SplitQueue queue, ulong features)
    {
        Name = name;
        _transport = transport;
        _queue = queue;
        IsReadOnly = (features & VirtioBlkProtocol.FeatureReadOnly) != 0;
        _hasFlush = (features & VirtioBlkProtocol.FeatureFlush) != 0;
        int sectorSize = VirtioBlkProtocol.UnitBytes;
        if ((features & VirtioBlkProtocol.FeatureBlockSize) != 0)
        {
            uint reported = transport.ReadConfig32(VirtioBlkProtocol.ConfigBlockSize);
            // Only sizes the request format can express: a power of two multiple of 512 up to 64 KiB.
            if (reported >= 512 && reported <= 65536 && (reported & (reported - 1)) == 0)
                sectorSize = (int)reported;
        }
        SectorSize = sectorSize;
        _unitsPerSector = sectorSize / VirtioBlkProtocol.UnitBytes;
        SectorCount = transport.ReadConfig64(VirtioBlkProtocol.ConfigCapacity) / (ulong)_unitsPerSector;

        int slotCount = Math.Max(1, queue.Size / 3);
        byte* dma = (byte*)Heap.AllocateAligned((nuint)(slotCount * SlotBytes), 16);
        _slots = new RequestSlot[slotCount];
        for (int i = 0; i < slotCount; i++)
            _slots[i] = new RequestSlot(dma + i * SlotBytes);
        _slotOfHead = new short[queue.Size];
    }

    public string Name { get; }

    public int SectorSize { get; }

    public ulong SectorCount { get; }

    public bool IsReadOnly { get; }

    public bool HasFlush => _hasFlush;

    public string TransportName => _transport.Name;

    // Completions were announced by interrupt (else every wait polls).
    public bool UsesInterrupts { get; set; }

    // Requests the device answered with a status other than OK, or a malformed completion.
    public ulong FailedRequests { get; private set; }

    public ulong RejectedCompletions => _queue.RejectedEntries + _queue.RejectedLengths;

    public BlockStatus Read(ulong sector, Span<byte> buffer)
    {
        BlockStatus check = BlockRange.Check(sector, buffer.Length, SectorSize, SectorCount);
        if (check != BlockStatus.Ok)
            return check;
        fixed (byte* data = buffer)
            return Transfer(VirtioBlkProtocol.RequestIn, sector, data, buffer.Length);
    }

    public BlockStatus Write(ulong sector, ReadOnlySpan<byte> buffer)
    {
        if (IsReadOnly)
            return BlockStatus.ReadOnly;
        BlockStatus check = BlockRange.Check(sector, buffer.Length, SectorSize, SectorCount);
        if (check != BlockStatus.Ok)
            return check;
        fixed (byte* data = buffer)
            return Transfer(VirtioBlkProtocol.RequestOut, sector, data, buffer.Length);
    }

    // Without VIRTIO_BLK_F_FLUSH the device has no volatile cache to empty: completed writes
    // are already durable.
    public BlockStatus Flush() => _hasFlush ? Submit(VirtioBlkProtocol.RequestFlush, 0, null, 0) : BlockStatus.Ok;

    // The interrupt handler: reading the ISR acknowledges (and lowers) the line; zero means
    // another device on a shared line interrupted.
    public void OnInterrupt()
    {
        if (_transport.ReadInterruptStatus() == 0)
            return;
        ProcessCompletions();
    }

    private BlockStatus Transfer(uint type, ulong sector, byte* data, int length)
    {
        int sectorsPerPiece = MaximumTransferBytes / SectorSize;
        while (length > 0)
        {
            int piece = Math.Min(length, sectorsPerPiece * SectorSize);
            BlockStatus status = Submit(type, sector, data, piece);
            if (status != BlockStatus.Ok)
                return status;
            sector += (ulong)(piece / SectorSize);
            data += piece;
            length -= piece;
        }
        return BlockStatus.Ok;
    }

    private BlockStatus Submit(uint type, ulong sector, byte* data, int length)
    {
        long deadline = Deadline();
        RequestSlot? slot = AcquireSlot(deadline);
        if (slot is null)
            return BlockStatus.IoError;
        SharedMemory.Write32(slot.Header, type);
        SharedMemory.Write32(slot.Header + 4, 0);
        SharedMemory.Write64(slot.Header + 8, sector * (ulong)_unitsPerSector);
        SharedMemory.Write8(slot.StatusByte, 0xFF);

        Span<VirtqBuffer> chain = stackalloc VirtqBuffer[3];
        int count = 0;
        chain[count++] = new VirtqBuffer((ulong)slot.Header, VirtioBlkProtocol.HeaderBytes, false);
        if (length > 0)
            chain[count++] = new VirtqBuffer((ulong)data, (uint)length, type == VirtioBlkProtocol.RequestIn);
        chain[count++] = new VirtqBuffer((ulong)slot.StatusByte, 1, true);

        ulong flags = Interrupts.Disable();
        int head = _queue.Submit(chain.Slice(0, count));
        bool notify = head >= 0 && _queue.ShouldNotify();
        if (head >= 0)
            _slotOfHead[head] = (short)IndexOf(slot);
        Interrupts.Restore(flags);
        if (head < 0)
        {
            // Slots are sized so a free slot always has descriptors; this is a driver bug.
            ReleaseSlot(slot);
            return BlockStatus.IoError;
        }
        if (notify)
            _transport.Notify(RequestQueue);

        bool finished = WaitFor(slot, deadline);
        flags = Interrupts.Disable();
        BlockStatus result;
        if (finished)
        {
            result = slot.Result;
            Interrupts.Restore(flags);
            ReleaseSlot(slot);
        }
        else
        {
            slot.Abandoned = true;
            FailedRequests++;
            result = BlockStatus.IoError;
            Interrupts.Restore(flags);
            Log.Warn("virtio-blk: " + Name + ": request timed out after " + VirtioBlkOptions.TimeoutMs.ToString() + " ms");
        }
        return result;
    }

    private bool WaitFor(RequestSlot slot, long deadline)
    {
        if (CanSleep())
        {
            while (!slot.Done)
            {
                if (!slot.Completed.Wait(deadline))
                    return slot.Done;
            }
            return true;
        }
        long spins = 0;
        while (true)
        {
            ulong flags = Interrupts.Disable();
            ProcessCompletions();
            bool done = slot.Done;
            Interrupts.Restore(flags);
            if (done)
                return true;
            if (++spins % 1024 == 0 && Expired(deadline, spins))
                return false;
        }
    }

    // Runs with interrupts off (from the handler or a poller).
    private void ProcessCompletions()
    {
        while (true)
        {
            UsedResult taken = _queue.TryTakeUsed(out ushort head, out _);
            if (taken == UsedResult.Empty)
                return;
            RequestSlot slot = _slots[_slotOfHead[head]];
            if (taken == UsedResult.Completed)
                slot.Result = MapStatus(SharedMemory.Read8(slot.StatusByte));
            else
                slot.Result = BlockStatus.IoError;
            if (slot.Result != BlockStatus.Ok)
                FailedRequests++;
            slot.Done = true;
            if (slot.Abandoned)
                ReleaseSlot(slot);
            else if (ThreadsRun())
                slot.Completed.Set();
        }
    }

    private static BlockStatus MapStatus(byte status) => status switch
    {
        VirtioBlkProtocol.StatusOk => BlockStatus.Ok,
        VirtioBlkProtocol.StatusUnsupported => BlockStatus.Unsupported,
        _ => BlockStatus.IoError,
    };

    private RequestSlot? AcquireSlot(long deadline)
    {
        while (true)
        {
            ulong flags = Interrupts.Disable();
            for (int i = 0; i < _slots.Length; i++)
            {
                RequestSlot slot = _slots[i];
                if (!slot.InUse)
                {
                    slot.InUse = true;
                    slot.Done = false;
                    slot.Abandoned = false;
                    Interrupts.Restore(flags);
                    return slot;
                }
            }
            if (CanSleep())
            {
                bool woken = _slotFreed.Wait(deadline);
                Interrupts.Restore(flags);
                if (!woken)
                    return null;
                continue;
            }
            // Polling: only completions free slots.
            ProcessCompletions();
            Interrupts.Restore(flags);
            if (Expired(deadline, 0))
                return null;
        }
    }

    private void ReleaseSlot(RequestSlot slot)
    {
        ulong flags = Interrupts.Disable();
        slot.InUse = false;
        slot.Abandoned = false;
        if (ThreadsRun())
            _slotFreed.WakeOne();
        Interrupts.Restore(flags);
    }

    private int IndexOf(RequestSlot slot)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] == slot)
                return i;
        }
        return -1;
    }

    // A thread may sleep when a scheduler runs threads, completions interrupt, and we are
    // not inside an interrupt handler.
    private bool CanSleep() => UsesInterrupts && ThreadsRun() && Interrupts.Nesting == 0;

    private static bool ThreadsRun() => Scheduler.HasCurrentThread;

    private static long Deadline() =>
        Clock.IsAvailable ? Clock.Monotonic + (long)VirtioBlkOptions.TimeoutMs * 1_000_000 : long.MaxValue;

    // Without a clock, a budget of polls stands in for time.
    private static bool Expired(long deadline, long spins) =>
        Clock.IsAvailable ? Clock.Monotonic >= deadline : spins > (long)VirtioBlkOptions.TimeoutMs * 100_000;
}
