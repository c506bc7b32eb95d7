using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

// The kernel services the driver calls, as host stand-ins: one thread, no scheduler, a clock
// the test moves, a heap on native memory, a log the test can read.
namespace Uk.Core
{
    internal static class Interrupts
    {
        public static int Nesting => 0;

        public static ulong Disable() => 0;

        public static void Restore(ulong state)
        {
        }
    }

    // Off unless a test turns it on; then every read moves time on by Step nanoseconds, so a
    // polling loop reaches its deadline after a known number of polls.
    internal static class Clock
    {
        public static bool IsAvailable { get; set; }

        public static long Step { get; set; } = 1_000_000;

        private static long s_now;

        public static long Monotonic
        {
            get
            {
                s_now += Step;
                return s_now;
            }
        }
    }

    internal static class Log
    {
        public static readonly List<string> Lines = new();

        public static void Info(string message) => Lines.Add("[ info] " + message);

        public static void Warn(string message) => Lines.Add("[ warn] " + message);
    }
}

namespace Uk.Sched
{
    internal static class Scheduler
    {
        public static bool HasCurrentThread => false;
    }

    // Never waited on: without a scheduler the driver polls. Instance members, as the
    // kernel's, since the driver calls them on an instance.
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Stand-in for the kernel's instance API.")]
    internal sealed class Event
    {
        public Event(bool autoReset = false)
        {
        }

        public void Set()
        {
        }

        public bool Wait(long deadline = long.MaxValue) => throw new InvalidOperationException("no threads on the host");
    }

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Stand-in for the kernel's instance API.")]
    internal sealed class WaitQueue
    {
        public bool Wait(long deadline = long.MaxValue) => throw new InvalidOperationException("no threads on the host");

        public bool WakeOne() => false;

        public int WakeAll() => 0;
    }
}

namespace Uk.Alloc
{
    internal static unsafe class Heap
    {
        public static void* AllocateAligned(nuint size, nuint alignment) => NativeMemory.AlignedAlloc(size, alignment);
    }
}
