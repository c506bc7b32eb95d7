namespace Uk.Drivers.Nvme;

// The interrupt handler attached before the disk exists (the vector must be live when the
// I/O queues are made): it passes each interrupt on once the disk is there. Until then the
// admin queue is polled, and an interrupt finds nothing to do.
internal sealed class InterruptRelay
{
    public NvmeDisk? Disk;

    // Set when the interrupt is MSI or INTx: the controller then masks it (INTMS) while it
    // polls admin commands, so a level-triggered line cannot fire over and over meanwhile.
    public bool MaskDuringSetup;

    public void OnInterrupt() => Disk?.OnInterrupt();
}
