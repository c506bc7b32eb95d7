namespace Uk.Drivers.Virtio;

// Where the three parts of a split virtqueue of a given size sit in one allocation. The
// legacy transport fixes this layout (used ring on the next 4 KiB boundary); the modern
// one takes three addresses, and the same layout serves it.
public readonly struct RingLayout
{
    public const int DescriptorSize = 16;
    public const int LegacyAlignment = 4096;

    public RingLayout(ushort size)
    {
        Size = size;
        DescriptorsOffset = 0;
        AvailableOffset = DescriptorSize * size;
        int availableBytes = 2 + 2 + 2 * size + 2;
        UsedOffset = Align(AvailableOffset + availableBytes, LegacyAlignment);
        int usedBytes = 2 + 2 + 8 * size + 2;
        TotalBytes = Align(UsedOffset + usedBytes, LegacyAlignment);
    }

    public ushort Size { get; }

    public int DescriptorsOffset { get; }

    public int AvailableOffset { get; }

    public int UsedOffset { get; }

    public int TotalBytes { get; }

    // Queue sizes are powers of two from 1 to 32768.
    public static bool IsValidSize(int size) => size > 0 && size <= 32768 && (size & (size - 1)) == 0;

    private static int Align(int value, int alignment) => (value + alignment - 1) & ~(alignment - 1);
}
