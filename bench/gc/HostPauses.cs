using System;
using System.Collections.Generic;

namespace Unikraft.Bench.Gc;

// Pause times on the host's .NET: after each batch, the pauses of the last collection if one
// happened (a batch of 64 KiB is far below the host's allocation budget, so at most one does).
internal sealed class HostPauses : IPauseRecorder
{
    private readonly List<double> _pauses = new List<double>();
    private int _collections;

    public void Begin()
    {
        _pauses.Clear();
        _collections = GC.CollectionCount(0);
    }

    public void AfterBatch()
    {
        int collections = GC.CollectionCount(0);
        if (collections == _collections)
            return;
        _collections = collections;
        GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
        double total = 0;
        foreach (TimeSpan pause in info.PauseDurations)
            total += pause.TotalMilliseconds * 1000;
        _pauses.Add(total);
    }

    public double[] End() => _pauses.ToArray();
}
