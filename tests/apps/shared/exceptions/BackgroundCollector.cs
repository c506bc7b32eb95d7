using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ExceptionTests;

// A thread that forces collections (GC.Collect) and allocation pressure (which also triggers
// them) until stopped, yielding between rounds so the cooperative scheduler runs the others.
internal sealed class BackgroundCollector
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private object? _recent;

    public BackgroundCollector()
    {
        _thread = new Thread(Loop);
        _thread.Start();
    }

    public int Rounds { get; private set; }

    public void Stop()
    {
        _stop = true;
        _thread.Join();
    }

    private void Loop()
    {
        while (!_stop)
        {
            GC.Collect();
            for (int i = 0; i < 64; i++)
                _recent = Garbage(i);
            Rounds++;
            Thread.Yield();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object Garbage(int i) => (i % 2) == 0 ? new int[64 + i] : "garbage " + i.ToString();
}
