using System.Runtime.CompilerServices;

namespace System.Threading;

// Atomic operations. The JIT expands these [Intrinsic] methods into locked instructions; the
// self-calls are never reached.
public static class Interlocked
{
    [Intrinsic]
    public static int CompareExchange(ref int location1, int value, int comparand) => CompareExchange(ref location1, value, comparand);

    [Intrinsic]
    public static long CompareExchange(ref long location1, long value, long comparand) => CompareExchange(ref location1, value, comparand);

    [Intrinsic]
    public static nint CompareExchange(ref nint location1, nint value, nint comparand) => CompareExchange(ref location1, value, comparand);

    [Intrinsic]
    public static int Exchange(ref int location1, int value) => Exchange(ref location1, value);

    [Intrinsic]
    public static long Exchange(ref long location1, long value) => Exchange(ref location1, value);

    [Intrinsic]
    public static int ExchangeAdd(ref int location1, int value) => ExchangeAdd(ref location1, value);

    [Intrinsic]
    public static long ExchangeAdd(ref long location1, long value) => ExchangeAdd(ref location1, value);

    public static int Add(ref int location1, int value) => ExchangeAdd(ref location1, value) + value;

    public static long Add(ref long location1, long value) => ExchangeAdd(ref location1, value) + value;

    public static int Increment(ref int location) => Add(ref location, 1);

    public static long Increment(ref long location) => Add(ref location, 1);

    public static int Decrement(ref int location) => Add(ref location, -1);

    public static long Decrement(ref long location) => Add(ref location, -1);
}
