using System.Runtime.InteropServices;

namespace Unikraft.Gc.Tests;

// Method tables laid out as ILC lays them out for the fields the collector reads (flags at +0,
// base size at +4), each with the GC descriptor ILC would encode below it.
internal static unsafe class FakeTypes
{
    private const uint HasComponentSize = 0x80000000;
    private const uint HasPointers = 0x01000000;

    // class Node { long Value; object A; object B; }: references at 16 and 24, 40 bytes.
    public static readonly nint Node = Make(HasPointers, 40, [16 - 40, 16]);

    // object[]: one series from offset 16 over the elements.
    public static readonly nint ReferenceArray = Make(HasComponentSize | HasPointers | 8, 24, [-(16 + 8), 16]);

    // byte[]: no references.
    public static readonly nint ByteArray = Make(HasComponentSize | 1, 24, []);

    // struct { long Number; object Label; long Check; }[]: repeating form, one pair
    // {1 reference, skip 16 bytes}, starting at 16 + 8.
    public static readonly nint StructArray = MakeRepeating(HasComponentSize | HasPointers | 24, 24, 24, [(1, 16)]);

    // series: pairs of (adjusted length, offset), highest address first as ILC writes them
    // going down from the method table.
    private static nint Make(uint flags, uint baseSize, long[] series)
    {
        int pairs = series.Length / 2;
        int below = 8 + pairs * 16;
        byte* memory = (byte*)NativeMemory.AllocZeroed((nuint)(below + 64));
        byte* type = memory + below;
        *(long*)(type - 8) = pairs;
        for (int i = 0; i < pairs; i++)
        {
            long* slot = (long*)(type - 8 - 16 * (i + 1));
            slot[0] = series[2 * i];
            slot[1] = series[2 * i + 1];
        }
        *(uint*)type = flags;
        *(uint*)(type + 4) = baseSize;
        return (nint)type;
    }

    private static nint MakeRepeating(uint flags, uint baseSize, long startOffset, (uint References, uint Skip)[] pairs)
    {
        int below = 16 + pairs.Length * 8;
        byte* memory = (byte*)NativeMemory.AllocZeroed((nuint)(below + 64));
        byte* type = memory + below;
        *(long*)(type - 8) = -pairs.Length;
        *(long*)(type - 16) = startOffset;
        for (int i = 0; i < pairs.Length; i++)
        {
            uint* pair = (uint*)(type - 24 - 8 * i);
            pair[0] = pairs[i].References;
            pair[1] = pairs[i].Skip;
        }
        *(uint*)type = flags;
        *(uint*)(type + 4) = baseSize;
        return (nint)type;
    }
}
