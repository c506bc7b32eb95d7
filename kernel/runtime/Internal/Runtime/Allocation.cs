using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime;

// The allocation entry points ILC-generated code calls for `new`, arrays and strings.
internal static unsafe class Allocation
{
    [RuntimeExport("RhpNewFast")]
    internal static object NewObject(MethodTable* type) => AllocateUninitialized(type, type->BaseSize);

    [RuntimeExport("RhpNewFinalizable")]
    private static object NewFinalizable(MethodTable* type) => NewObject(type);

    [RuntimeExport("RhNewObject")]
    private static object NewObjectSlow(MethodTable* type) => NewObject(type);

    [RuntimeExport("RhpNewArrayFast")]
    internal static object NewArray(MethodTable* type, int length)
    {
        if (length < 0)
            throw new OverflowException("Array dimensions exceeded supported range.");
        ulong size = type->BaseSize + (ulong)length * type->ComponentSize;
        size = (size + 7) & ~7UL;
        object array = AllocateUninitialized(type, (nuint)size);
        Unsafe.As<RawArrayData>(array).Length = (uint)length;
        return array;
    }

    [RuntimeExport("RhpNewPtrArrayFast")]
    private static object NewPointerArray(MethodTable* type, int length) => NewArray(type, length);

    [RuntimeExport("RhNewArray")]
    private static object NewArraySlow(MethodTable* type, int length) => NewArray(type, length);

    [RuntimeExport("RhNewString")]
    private static object NewString(MethodTable* type, int length) => NewArray(type, length);

    internal static object AllocateUninitialized(MethodTable* type, nuint size)
    {
        void* memory = HeapSeam.AllocateObject(size);
        if (memory == null)
            RuntimeFailure.OutOfMemory(size);
        *(MethodTable**)memory = type;
        return Unsafe.As<nint, object>(ref *(nint*)&memory);
    }
}
