using System;
using System.Runtime.CompilerServices;
using System.Threading;
using static ExceptionTests.Report;

namespace ExceptionTests;

// The C# statements built on finally: `using` disposes and `lock` releases while an
// exception passes.
internal static class Patterns
{
    private sealed class Resource : IDisposable
    {
        public int Disposals;

        public void Dispose() => Disposals++;
    }


    public static void Run()
    {
        UsingDisposes();
        LockReleases();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseAndFail(Resource resource)
    {
        using (resource)
        {
            throw new InvalidOperationException("inside using");
        }
    }

    private static void UsingDisposes()
    {
        Resource resource = Opaque(new Resource());
        bool caught = false;
        try
        {
            UseAndFail(resource);
        }
        catch (InvalidOperationException)
        {
            caught = true;
        }
        Check(caught && resource.Disposals == 1, "using disposes once while an exception passes: " + resource.Disposals.ToString() + " disposal(s)");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LockAndFail(Lock gate)
    {
        lock (gate)
        {
            throw new InvalidOperationException("inside lock");
        }
    }

    private static void LockReleases()
    {
        // Made here, not in a static field: static constructors run before the scheduler starts.
        Lock gate = new Lock();
        bool caught = false;
        try
        {
            LockAndFail(gate);
        }
        catch (InvalidOperationException)
        {
            caught = true;
        }
        bool heldAfter = gate.IsHeldByCurrentThread;
        bool otherThreadGotIt = false;
        Thread other = new Thread(() =>
        {
            if (gate.TryEnter())
            {
                otherThreadGotIt = true;
                gate.Exit();
            }
        });
        other.Start();
        other.Join();
        Check(caught && !heldAfter && otherThreadGotIt, "lock releases its Lock while an exception passes; another thread takes it afterwards");
    }
}
