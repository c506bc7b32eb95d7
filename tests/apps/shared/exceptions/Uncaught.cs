using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ExceptionTests;

// Exceptions nothing catches: each must end in the kernel panic, traced from the throw.
internal static class Uncaught
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowPastAFinally()
    {
        try
        {
            Reject();
        }
        finally
        {
            Console.WriteLine("finally ran before the panic");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Reject() => throw new InvalidOperationException("nobody catches this");

    // Reject has no rbp frame and is reached by an indirect call: only the unwind tables say
    // where it returns to.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThroughADelegate()
    {
        Action reject = Report.Opaque<Action>(Reject);
        reject();
        Console.WriteLine("unreachable: the delegate returned");
    }

    public static void OnAThread()
    {
        Thread worker = new Thread(() => ThrowPastAFinally());
        worker.Name = "thrower";
        worker.Start();
        worker.Join();
    }
}
