namespace Uk.BlkDev;

// A disk that can have several requests in flight. Submit starts a request and returns at
// once; the device completes it later (BlockRequest.Completed runs then), and Wait puts the
// calling thread on the driver's wait queue until it has.
public interface IAsyncBlockDevice : IBlockDevice
{
    // Largest Count one request may have.
    int MaximumRequestBytes { get; }

    // Ok when the request is in flight (or already complete); otherwise why it was refused
    // (range, length, read-only, no room before the timeout), and it is then complete with
    // that status.
    BlockStatus Submit(BlockRequest request);

    // Returns when the request completed (true) or the deadline in Clock.Monotonic
    // nanoseconds passed (false).
    bool Wait(BlockRequest request, long deadline = long.MaxValue);
}
