namespace Uk.Drivers.Nvme;

// Opcodes, identify structures' offsets and status codes the driver uses (NVMe 1.4,
// sections 5 and 6; NVM Command Set).
public static class NvmeProtocol
{
    public const int PageSize = 4096;

    public const byte AdminCreateSubmissionQueue = 0x01;
    public const byte AdminCreateCompletionQueue = 0x05;
    public const byte AdminIdentify = 0x06;
    public const byte AdminSetFeatures = 0x09;

    public const byte Flush = 0x00;
    public const byte Write = 0x01;
    public const byte Read = 0x02;

    public const uint IdentifyNamespace = 0;
    public const uint IdentifyController = 1;
    public const uint FeatureNumberOfQueues = 0x07;

    // Create I/O queue flags (CDW11): physically contiguous, interrupts enabled.
    public const uint QueueContiguous = 1;
    public const uint QueueInterruptsEnabled = 1 << 1;

    // Status field (completion DW3 31:17): code 7:0, type 10:8, do not retry 14.
    public const int StatusCodeMask = 0xFF;
    public const int StatusTypeShift = 8;
    public const int StatusTypeMask = 0x7;
    public const int StatusGeneric = 0;
    public const int StatusLbaOutOfRange = 0x80;
    public const int StatusCapacityExceeded = 0x81;
}
