namespace Uk.BlkDev;

// The requests waiting for the device, oldest first, in a ring as large as the disk's pool of
// requests (so it never overflows). Callers hold interrupts off.
internal sealed class RequestFifo
{
    private readonly DiskRequest?[] _entries;
    private int _head;
    private int _count;

    public RequestFifo(int capacity) => _entries = new DiskRequest?[capacity];

    public void Add(DiskRequest request)
    {
        _entries[(_head + _count) % _entries.Length] = request;
        _count++;
    }

    // The oldest request, or null when none waits.
    public DiskRequest? Take()
    {
        if (_count == 0)
            return null;
        DiskRequest? request = _entries[_head];
        _entries[_head] = null;
        _head = (_head + 1) % _entries.Length;
        _count--;
        return request;
    }
}
