using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// The allocation helpers ILC-generated code and CoreLib call for `new`, arrays and strings,
// served by the heap seam (the early heap, an allocator library or a collector library).
internal static unsafe class Allocation
{
    // GC_ALLOC_FLAGS bits CoreLib passes to RhAllocateNewObject/RhAllocateNewArray.
    private const uint ZeroingOptional = 0x10;

    [RuntimeExport("RhpNewFast")]
    private static object NewFast(TypeHandle* type) => Allocate(type, type->BaseSize);

    [RuntimeExport("RhpNewFinalizable")]
    private static object NewFinalizable(TypeHandle* type)
    {
        object obj = Allocate(type, type->BaseSize);
        Finalization.Register(obj);
        FinalizerThread.EnsureStarted();
        return obj;
    }

    [RuntimeExport("RhpNewArrayFast")]
    private static object NewArrayFast(TypeHandle* type, int length) => NewArray(type, length);

    [RuntimeExport("RhpNewPtrArrayFast")]
    private static object NewPointerArrayFast(TypeHandle* type, int length) => NewArray(type, length);

    [RuntimeExport("RhNewString")]
    private static object NewString(TypeHandle* type, int length) => NewArray(type, length);

    // CoreLib's slow paths (GC static bases, uninitialized arrays) write the object to *result;
    // a null there is its OutOfMemoryException.
    [UnmanagedCallersOnly(EntryPoint = "RhAllocateNewObject")]
    private static void AllocateNewObject(TypeHandle* type, uint flags, nint* result)
    {
        void* memory = HeapSeam.AllocateObject(type->BaseSize);
        if (memory != null)
        {
            *(TypeHandle**)memory = type;
            if (type->HasFinalizer)
                Finalization.Register(Unsafe.As<nint, object>(ref *(nint*)&memory));
        }
        *result = (nint)memory;
    }

    [UnmanagedCallersOnly(EntryPoint = "RhAllocateNewArray")]
    private static void AllocateNewArray(TypeHandle* type, uint length, uint flags, nint* result)
    {
        *result = 0;
        if (length > int.MaxValue)
            return;
        nuint size = ArraySize(type, (int)length);
        void* memory = HeapSeam.AllocateObject(size);
        if (memory == null)
            return;
        *(TypeHandle**)memory = type;
        *(uint*)((byte*)memory + sizeof(nint)) = length;
        *result = (nint)memory;
    }

    private static object NewArray(TypeHandle* type, int length)
    {
        if (length < 0)
            throw new OverflowException();
        object array = Allocate(type, ArraySize(type, length));
        Unsafe.As<ArrayHeader>(array).Length = (uint)length;
        return array;
    }

    private static nuint ArraySize(TypeHandle* type, int length) =>
        (nuint)((type->BaseSize + (ulong)length * type->ComponentSize + 7) & ~7UL);

    private static object Allocate(TypeHandle* type, nuint size)
    {
        void* memory = HeapSeam.AllocateObject(size);
        if (memory == null)
            RuntimeFailure.OutOfMemory(size);
        *(TypeHandle**)memory = type;
        return Unsafe.As<nint, object>(ref *(nint*)&memory);
    }

    // An array's first field: its length (the rest of the header is the MethodTable pointer).
    private sealed class ArrayHeader
    {
        public uint Length;
    }
}
