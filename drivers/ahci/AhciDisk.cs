using Uk.BlkDev;

namespace Uk.Drivers.Ahci;

// A SATA disk on an AHCI port: the port runs one command at a time (READ DMA EXT, WRITE DMA
// EXT, FLUSH CACHE EXT), queued and timed by QueuedCommandDisk. A command past its deadline
// is aborted by stopping the port and resetting the device (COMRESET); errors the device
// reports (PxIS.TFES with the ATA error register in PxTFD) fail that one command and the port
// is recovered for the next.
public sealed class AhciDisk : QueuedCommandDisk
{
    public const int MaximumTransferBytes = 256 * 1024;
    private const byte ErrorIdNotFound = 1 << 4;

    private readonly AhciPort _port;
    private readonly IdentifyData _identity;

    public AhciDisk(string name, AhciPort port, IdentifyData identity)
        : base(name)
    {
        _port = port;
        _identity = identity;
    }

    public AhciPort Port => _port;

    public override int SectorSize => _identity.SectorSize;

    public override ulong SectorCount => _identity.SectorCount;

    // ATA disks have no write protection the driver could read; QEMU refuses read-only
    // drives for ide-hd.
    public override bool IsReadOnly => false;

    public string Model => _identity.Model;

    public bool HasFlushExt => _identity.HasFlushExt;

    public override int MaximumRequestBytes => MaximumTransferBytes;

    public uint LastTaskFile => _port.LastTaskFile;

    protected override string DriverName => "ahci";

    protected override int TimeoutMs => AhciOptions.TimeoutMs;

    // The HBA's region descriptors need even addresses.
    protected override ulong AlignmentMask => 1;

    protected override byte ReadCommand => AtaProtocol.ReadDmaExt;

    protected override byte WriteCommand => AtaProtocol.WriteDmaExt;

    protected override byte FlushCommand => _identity.HasFlushExt ? AtaProtocol.FlushCacheExt : AtaProtocol.FlushCache;

    protected override string RecoveryDescription => "port reset";

    protected override bool RecoversAfterError => true;

    // The interrupt handler's share for this port (AhciController calls it). Causes with no
    // command in flight are cleared too, or the HBA's interrupt would stay raised.
    public void OnInterrupt()
    {
        ProcessCompletions();
        if (!HasCommandInFlight)
            _port.Acknowledge();
    }

    protected override void Issue(byte command, ulong sector, int sectors, ulong data, int bytes, bool write) =>
        _port.Issue(command, sector, sectors, data, bytes, write);

    protected override CommandResult Poll() => _port.Poll();

    protected override bool Recover(bool hard) => _port.Recover(resetDevice: hard);

    // IDNF: the device found no such sector, which the range check should have prevented.
    protected override BlockStatus MapLastError() =>
        ((_port.LastTaskFile >> 8) & ErrorIdNotFound) != 0 ? BlockStatus.OutOfRange : BlockStatus.IoError;

    protected override string DescribeLastError() =>
        " task file 0x" + _port.LastTaskFile.ToString("x4") + ", port status 0x" + _port.LastErrorStatus.ToString("x8");
}
