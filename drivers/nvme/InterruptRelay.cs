namespace Uk.Drivers.Nvme;

// The interrupt handler attached before the disk exists (the vector must be live when the
// I/O queues are made): it passes each interrupt on once the disk is there. Until then the
// admin queue is polled and an interrupt has nothing to do - but a level-triggered INTx
// line the firmware's queues left raised would fire again at once, forever, so an MSI or
// INTx interrupt without a disk masks itself (INTMS) until the controller is set up.
internal sealed class InterruptRelay
{
    private readonly INvmeRegisters _registers;

    public InterruptRelay(INvmeRegisters registers) => _registers = registers;

    private NvmeDisk? _disk;

    // Set before an MSI or INTx handler is attached (MSI-X must not touch INTMS): the
    // controller then masks it while it polls admin commands, and unmasks it after.
    public bool MaskDuringSetup;

    // From here on interrupts go to the disk; one masked meanwhile is let through again.
    public void Attach(NvmeDisk disk)
    {
        _disk = disk;
        if (MaskDuringSetup)
            _registers.Write(NvmeRegisters.InterruptMaskClear, 1);
    }

    public void OnInterrupt()
    {
        if (_disk is not null)
            _disk.OnInterrupt();
        else if (MaskDuringSetup)
            _registers.Write(NvmeRegisters.InterruptMaskSet, 1);
    }
}
