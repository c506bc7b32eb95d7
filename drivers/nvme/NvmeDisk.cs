using System;
using Uk.BlkDev;

namespace Uk.Drivers.Nvme;

// Namespace 1 of an NVMe controller: the I/O queue carries one command at a time (Read,
// Write, Flush), queued and timed by QueuedCommandDisk. A command past its deadline is
// aborted by disabling the controller (which stops its DMA); the controller is enabled and
// the queues made again for the next. An error status fails that one command only.
public sealed class NvmeDisk : QueuedCommandDisk
{
    public const int MaximumTransferBytes = 256 * 1024;

    private readonly IoQueue _queueOnDevice;
    private readonly NvmeIdentity _identity;

    public NvmeDisk(string name, IoQueue queue, NvmeIdentity identity)
        : base(name)
    {
        _queueOnDevice = queue;
        _identity = identity;
        long limit = identity.MaximumTransferBytes == 0 ? MaximumTransferBytes : Math.Min(identity.MaximumTransferBytes, MaximumTransferBytes);
        MaximumRequestBytes = (int)limit / identity.SectorSize * identity.SectorSize;
    }

    public IoQueue Queue => _queueOnDevice;

    public override int SectorSize => _identity.SectorSize;

    public override ulong SectorCount => _identity.SectorCount;

    public override bool IsReadOnly => _identity.IsReadOnly;

    public string Model => _identity.Model;

    // The controller's limit (MDTS) or MaximumTransferBytes, whichever is less.
    public override int MaximumRequestBytes { get; }

    // The status field (type in 10:8, code in 7:0) of the last command that failed.
    public ushort LastStatus => _queueOnDevice.LastStatus;

    // Interrupts taken (some may find nothing: a shared line, an admin completion).
    public ulong InterruptCount { get; private set; }

    protected override string DriverName => "nvme";

    protected override int TimeoutMs => NvmeOptions.TimeoutMs;

    // PRP entries need dword-aligned addresses.
    protected override ulong AlignmentMask => 3;

    protected override byte ReadCommand => NvmeProtocol.Read;

    protected override byte WriteCommand => NvmeProtocol.Write;

    protected override byte FlushCommand => NvmeProtocol.Flush;

    protected override string RecoveryDescription => "controller reset";

    // An error status leaves the queue usable.
    protected override bool RecoversAfterError => false;

    // The MSI-X, MSI or INTx handler. Taking the completion moves the head doorbell, which
    // is all the acknowledging NVMe wants (INTx drops once no completion is left unread).
    public void OnInterrupt()
    {
        InterruptCount++;
        ProcessCompletions();
    }

    protected override void Issue(byte command, ulong sector, int sectors, ulong data, int bytes, bool write) =>
        _queueOnDevice.Issue(command, sector, sectors, data, bytes);

    protected override CommandResult Poll() => _queueOnDevice.Poll();

    // Every recovery is a restart: the controller is disabled, enabled and its queues made again.
    protected override bool Recover(bool hard) => _queueOnDevice.Controller.Restart();

    // LBA out of range or capacity exceeded (generic status): the range check should have
    // prevented it. Every other status - media errors, aborts, internal errors - is IoError.
    protected override BlockStatus MapLastError()
    {
        ushort status = _queueOnDevice.LastStatus;
        int type = (status >> NvmeProtocol.StatusTypeShift) & NvmeProtocol.StatusTypeMask;
        int code = status & NvmeProtocol.StatusCodeMask;
        bool range = type == NvmeProtocol.StatusGeneric && (code == NvmeProtocol.StatusLbaOutOfRange || code == NvmeProtocol.StatusCapacityExceeded);
        return range ? BlockStatus.OutOfRange : BlockStatus.IoError;
    }

    protected override string DescribeLastError() => " status 0x" + LastStatus.ToString("x4");
}
