namespace Uk.Drivers.VirtioBlk;

// The virtio-blk request format and feature bits (virtio 1.x, section "Block Device").
public static class VirtioBlkProtocol
{
    public const ulong FeatureSizeMax = 1UL << 1;
    public const ulong FeatureSegmentMax = 1UL << 2;
    public const ulong FeatureReadOnly = 1UL << 5;
    public const ulong FeatureBlockSize = 1UL << 6;
    public const ulong FeatureFlush = 1UL << 9;

    // Device configuration: capacity in 512-byte units, then the optional fields.
    public const int ConfigCapacity = 0;
    public const int ConfigBlockSize = 20;

    public const uint RequestIn = 0;
    public const uint RequestOut = 1;
    public const uint RequestFlush = 4;

    public const byte StatusOk = 0;
    public const byte StatusIoError = 1;
    public const byte StatusUnsupported = 2;

    // type, reserved, sector (always in 512-byte units, whatever the block size).
    public const int HeaderBytes = 16;
    public const int UnitBytes = 512;
}
