using System;

namespace Unikraft.Bench.Sched;

// The benchmark cannot run (a missing tool, a failed build); the message says why.
internal sealed class BenchException : Exception
{
    public BenchException(string message) : base(message)
    {
    }
}
