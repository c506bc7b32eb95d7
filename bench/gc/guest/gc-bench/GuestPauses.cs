using Uk.Gc;

namespace Unikraft.Bench.Gc;

// Pause times from ukgc's log of recent pauses.
internal sealed class GuestPauses : IPauseRecorder
{
    private long _recordedAtBegin;

    public void Begin() => _recordedAtBegin = ManagedHeap.Pauses.Recorded;

    public void AfterBatch()
    {
    }

    public double[] End()
    {
        long count = ManagedHeap.Pauses.Recorded - _recordedAtBegin;
        var nanoseconds = new ulong[(int)(count < PauseLog.Capacity ? count : PauseLog.Capacity)];
        int copied = ManagedHeap.Pauses.CopyRecent(nanoseconds);
        var microseconds = new double[copied];
        for (int i = 0; i < copied; i++)
            microseconds[i] = (long)nanoseconds[i] / 1000.0;
        return microseconds;
    }
}
