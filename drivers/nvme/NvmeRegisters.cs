namespace Uk.Drivers.Nvme;

// Controller register offsets and fields (NVM Express Base Specification 1.4, 3.1).
public static class NvmeRegisters
{
    public const int Capabilities = 0x00;
    public const int Version = 0x08;
    public const int InterruptMaskSet = 0x0C;
    public const int InterruptMaskClear = 0x10;
    public const int Configuration = 0x14;
    public const int Status = 0x1C;
    public const int AdminQueueAttributes = 0x24;
    public const int AdminSubmissionQueue = 0x28;
    public const int AdminCompletionQueue = 0x30;
    public const int Doorbells = 0x1000;

    // CAP: maximum queue entries (zero-based), ready timeout in 500 ms units, doorbell
    // stride, command sets (bit 37: the NVM command set), smallest memory page size.
    public const ulong CapabilitiesQueueEntriesMask = 0xFFFF;
    public const int CapabilitiesTimeoutShift = 24;
    public const int CapabilitiesStrideShift = 32;
    public const ulong CapabilitiesNvmCommandSet = 1UL << 37;
    public const int CapabilitiesPageMinimumShift = 48;

    // CC: enable, NVM command set (0), 4 KiB pages (0), round robin (0), 64-byte submission
    // and 16-byte completion entries.
    public const uint ConfigurationEnable = 1;
    public const uint ConfigurationEntrySizes = 6u << 16 | 4u << 20;

    public const uint StatusReady = 1;
    public const uint StatusFatal = 1 << 1;

    // The submission tail doorbell of queue id, then its completion head doorbell.
    public static int SubmissionDoorbell(int queue, int stride) => Doorbells + 2 * queue * stride;

    public static int CompletionDoorbell(int queue, int stride) => Doorbells + (2 * queue + 1) * stride;
}
