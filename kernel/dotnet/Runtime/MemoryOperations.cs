using System.Runtime;
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

    // RhpCheckedLockCmpXchg and RhpCheckedXchg, the interlocked exchanges of references, are
    // barriered stores in the platform's runtime/helpers.asm, beside RhpAssignRef.
}
