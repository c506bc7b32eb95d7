namespace Uk.Gc.MarkSweep;

// Cell sizes for objects up to MaxSmallSize bytes, spaced so no cell wastes more than a
// quarter of itself; larger objects get a block of their own.
internal static class SizeClasses
{
    public const int MaxSmallSize = 2048;

    public static readonly int[] CellSizes =
    {
        24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512,
        640, 768, 896, 1024, 1280, 1536, 1792, 2048,
    };

    public static int Count => CellSizes.Length;

    // For each size in 8-byte steps (index size / 8), the smallest class that holds it.
    public static byte[] BuildLookup()
    {
        var lookup = new byte[MaxSmallSize / 8 + 1];
        int sizeClass = 0;
        for (int steps = 0; steps < lookup.Length; steps++)
        {
            while (CellSizes[sizeClass] < steps * 8)
                sizeClass++;
            lookup[steps] = (byte)sizeClass;
        }
        return lookup;
    }
}
