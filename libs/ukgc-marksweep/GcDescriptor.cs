namespace Uk.Gc.MarkSweep;

// Where the references inside an object are, read from the GC descriptor ILC stores just
// below each method table that has the "contains GC pointers" flag: a count at MT-8, then
// going down either count series of {length adjusted by the object size, start offset}, or,
// for arrays of structs mixing references and data (count negative), a start offset at MT-16
// and -count {references, bytes to skip} pairs repeated over the elements. Sizes and offsets
// count from the method-table pointer; an object's size includes the 8-byte header slot
// (base size), so its data ends 8 bytes before object + size.
internal static unsafe class GcDescriptor
{
    private const uint HasComponentSizeFlag = 0x80000000;
    private const uint HasPointersFlag = 0x01000000;

    public static nuint ObjectSize(byte* obj)
    {
        byte* type = *(byte**)obj;
        uint flags = *(uint*)type;
        nuint size = *(uint*)(type + 4);
        if ((flags & HasComponentSizeFlag) != 0)
            size += (nuint)(*(uint*)(obj + 8)) * (ushort)flags;
        return (size + 7) & ~(nuint)7;
    }

    // An object whose method table is not stored yet (a thread preempted between the
    // allocation and the store) is all zeroes: nothing to trace.
    public static bool HasReferences(byte* obj)
    {
        byte* type = *(byte**)obj;
        return type != null && (*(uint*)type & HasPointersFlag) != 0;
    }

    public static void MarkReferences(byte* obj, Marker marker)
    {
        if (!HasReferences(obj))
            return;
        byte* type = *(byte**)obj;
        nint seriesCount = *(nint*)(type - 8);
        nuint size = ObjectSize(obj);
        if (seriesCount > 0)
        {
            nint* series = (nint*)(type - 8);
            for (nint i = 0; i < seriesCount; i++)
            {
                series -= 2;
                nint length = series[0] + (nint)size;
                nint* slot = (nint*)(obj + series[1]);
                nint* end = (nint*)((byte*)slot + length);
                for (; slot < end; slot++)
                    marker.MarkExact(*slot);
            }
            return;
        }
        MarkRepeating(obj, type, -seriesCount, size, marker);
    }

    private static void MarkRepeating(byte* obj, byte* type, nint pairs, nuint size, Marker marker)
    {
        byte* position = obj + *(nint*)(type - 16);
        byte* end = obj + size - 8;
        uint* firstPair = (uint*)(type - 24);
        while (position < end)
        {
            uint* pair = firstPair;
            for (nint i = 0; i < pairs && position < end; i++, pair -= 2)
            {
                nint* slot = (nint*)position;
                for (uint n = 0; n < pair[0]; n++)
                    marker.MarkExact(slot[n]);
                position += pair[0] * (nuint)sizeof(nint) + pair[1];
            }
        }
    }
}
