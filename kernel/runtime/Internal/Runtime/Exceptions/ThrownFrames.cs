namespace Internal.Runtime.Exceptions;

// The return addresses of the frames an exception passes, gathered during the first pass
// without allocating, for Exception.StackTrace.
internal unsafe struct ThrownFrames
{
    private const int Capacity = 64;

    private fixed ulong _addresses[Capacity];
    private int _count;

    internal void Add(ulong returnAddress)
    {
        if (_count < Capacity)
            _addresses[_count++] = returnAddress;
    }

    // The gathered addresses after those already recorded (a rethrow continues the trace).
    internal ulong[] AppendTo(ulong[]? earlier)
    {
        int kept = earlier?.Length ?? 0;
        ulong[] all = new ulong[kept + _count];
        for (int i = 0; i < kept; i++)
            all[i] = earlier![i];
        for (int i = 0; i < _count; i++)
            all[kept + i] = _addresses[i];
        return all;
    }
}
