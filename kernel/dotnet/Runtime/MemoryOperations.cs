using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// Copies and swaps of memory that may hold object references. The collectors here do not
// move objects; an incremental one shades what bulk copies overwrite (WriteBarrier).
internal static unsafe class MemoryOperations
{
    [RuntimeExport("RhBulkMoveWithWriteBarrier")]
    private static void BulkMove(ref byte destination, ref byte source, nuint length)
    {
        fixed (byte* to = &destination)
        fixed (byte* from = &source)
            WriteBarrier.Move(to, from, length);
    }

    [RuntimeExport("RhpGcSafeZeroMemory")]
    private static ref byte ZeroMemory(ref byte destination, nuint length)
    {
        fixed (byte* to = &destination)
            WriteBarrier.Clear(to, length);
        return ref destination;
    }

    [RuntimeExport("RhpCheckedLockCmpXchg")]
    private static object? CompareExchange(ref object? location, object? value, object? comparand)
    {
        nint result = Interlocked.CompareExchange(ref Unsafe.As<object?, nint>(ref location), Unsafe.As<object?, nint>(ref value), Unsafe.As<object?, nint>(ref comparand));
        return Unsafe.As<nint, object?>(ref result);
    }

    [RuntimeExport("RhpCheckedXchg")]
    private static object? Exchange(ref object? location, object? value)
    {
        nint result = Interlocked.Exchange(ref Unsafe.As<object?, nint>(ref location), Unsafe.As<object?, nint>(ref value));
        return Unsafe.As<nint, object?>(ref result);
    }
}
