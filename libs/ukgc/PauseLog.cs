namespace Uk.Gc;

// The most recent pause times, for medians and percentiles: a ring that keeps the last
// Capacity entries. Allocated before the collector starts, written during collections.
public sealed class PauseLog
{
    public const int Capacity = 4096;

    private readonly ulong[] _nanoseconds = new ulong[Capacity];
    private long _recorded;

    // Pauses recorded since start-up (the ring holds the last Capacity of them).
    public long Recorded => _recorded;

    public void Add(ulong nanoseconds)
    {
        _nanoseconds[(int)(_recorded % Capacity)] = nanoseconds;
        _recorded++;
    }

    // Copies up to destination.Length of the most recent pauses, oldest first; returns how many.
    public int CopyRecent(System.Span<ulong> destination)
    {
        long available = _recorded < Capacity ? _recorded : Capacity;
        int count = (int)(available < destination.Length ? available : destination.Length);
        for (int i = 0; i < count; i++)
            destination[i] = _nanoseconds[(int)((_recorded - count + i) % Capacity)];
        return count;
    }
}
