namespace Uk.Drivers.Virtio;

public enum UsedResult
{
    // Nothing new in the used ring.
    Empty,
    // A chain came back with a plausible length.
    Completed,
    // A chain we submitted came back claiming more bytes written than it had room for:
    // the chain is freed and the request must be failed, not trusted.
    BadLength,
}
