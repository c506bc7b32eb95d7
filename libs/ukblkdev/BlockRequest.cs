using System;

namespace Uk.BlkDev;

// One asynchronous request: which sectors, the caller's buffer, and - once the device is
// done - its status. The request holds the buffer for as long as the device may use it;
// the caller must not touch the buffer until IsCompleted.
public sealed class BlockRequest
{
    public BlockRequest(BlockOperation operation, ulong sector, byte[]? buffer, int offset, int count)
    {
        Operation = operation;
        Sector = sector;
        Buffer = buffer;
        Offset = offset;
        Count = count;
    }

    public static BlockRequest Read(ulong sector, byte[] buffer, int offset, int count) => new BlockRequest(BlockOperation.Read, sector, buffer, offset, count);

    public static BlockRequest Write(ulong sector, byte[] buffer, int offset, int count) => new BlockRequest(BlockOperation.Write, sector, buffer, offset, count);

    public static BlockRequest Flush() => new BlockRequest(BlockOperation.Flush, 0, null, 0, 0);

    public BlockOperation Operation { get; }

    public ulong Sector { get; }

    public byte[]? Buffer { get; }

    public int Offset { get; }

    public int Count { get; }

    public BlockStatus Status { get; private set; }

    public bool IsCompleted { get; private set; }

    // Runs when the request completes, in the context that saw the completion (often an
    // interrupt handler): it must neither block, allocate nor submit another request.
    public Action<BlockRequest>? Completed { get; set; }

    // For drivers: records the outcome and runs the callback. Later calls are ignored.
    public void Complete(BlockStatus status)
    {
        if (IsCompleted)
            return;
        Status = status;
        IsCompleted = true;
        Completed?.Invoke(this);
    }

    // The buffer range is inside the array (checked before anything reaches a device).
    public bool HasValidBuffer() =>
        Operation == BlockOperation.Flush
        || (Buffer is not null && Offset >= 0 && Count >= 0 && Offset <= Buffer.Length && Count <= Buffer.Length - Offset);
}
