using System;
using System.Runtime.CompilerServices;

namespace TypeSystem;

// A throw nothing catches, from a named method, so the boot tests can find that method at
// the top of the panic's stack trace.
public static class Throws
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Reject(string reason) => throw new InvalidOperationException("rejected: " + reason);
}
