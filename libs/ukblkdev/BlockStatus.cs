namespace Uk.BlkDev;

// Outcome of a block request. File systems turn these into their own errors; nothing in the
// block layer throws, so a failing disk never takes the kernel down with it.
public enum BlockStatus
{
    Ok,
    // The request reaches past the last sector of the device.
    OutOfRange,
    // The buffer is not a whole number of sectors.
    BadLength,
    // A write to a device that reports itself read-only.
    ReadOnly,
    // The device reported an error or the request timed out.
    IoError,
    // The device does not support the operation (e.g. flush without a write cache).
    Unsupported,
}
