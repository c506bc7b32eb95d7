namespace Uk.Drivers.Virtio;

// How a driver reaches a virtio device's registers: the modern PCI capabilities or the
// legacy I/O ports. The ring memory is the same on both.
public interface IVirtioTransport
{
    // "modern" or "legacy", for the boot log.
    string Name { get; }

    // Legacy devices know only the low 32 feature bits and need the fixed ring layout.
    bool IsModern { get; }

    ulong DeviceFeatures { get; }

    void SetDriverFeatures(ulong features);

    byte Status { get; set; }

    // Writes 0 and waits for the device to read back 0.
    void Reset();

    // 0 when the queue does not exist.
    ushort MaximumQueueSize(int queue);

    // Legacy devices take only their own size; modern ones any power of two up to theirs.
    bool CanResizeQueues { get; }

    // Hands the ring (laid out as RingLayout says) to the device and enables the queue.
    bool ActivateQueue(int queue, ushort size, SplitQueue ring, ulong ringMemory);

    void Notify(int queue);

    // Reading clears it: bit 0 a used-ring update, bit 1 a configuration change.
    byte ReadInterruptStatus();

    byte ReadConfig8(int offset);

    uint ReadConfig32(int offset);

    ulong ReadConfig64(int offset);
}
