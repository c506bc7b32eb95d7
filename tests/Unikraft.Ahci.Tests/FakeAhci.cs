using Uk.Drivers.Ahci;

namespace Unikraft.Ahci.Tests;

// A simulated AHCI 1.3.1 HBA with SATA disks on some of its ports. Registers behave as the
// specification says for what the driver uses (reset, ST/CR and FRE/FR, write-1-to-clear
// status, COMRESET); writing PxCI makes the port read slot 0's command header, command FIS
// and region descriptors from memory (addresses are host pointers) and move the data to or
// from the disk's bytes. Every command the HBA ran is kept for the tests to inspect.
internal sealed unsafe class FakeAhci : IAhciRegisters
{
    private const int Ports = 6;
    private const byte IdNotFound = 0x10;
    private readonly uint[] _registers = new uint[(AhciRegisters.PortsBase + Ports * AhciRegisters.PortStride) / 4];
    private readonly FakeDisk?[] _disks = new FakeDisk?[Ports];

    public FakeAhci()
    {
        _registers[AhciRegisters.Capabilities / 4] = AhciRegisters.Capabilities64Bit | 31u << AhciRegisters.CapabilitiesSlotsShift | (Ports - 1);
        _registers[AhciRegisters.PortsImplemented / 4] = (1u << Ports) - 1;
        _registers[AhciRegisters.Version / 4] = 0x0001_0301;
    }

    public List<(int Offset, uint Value)> Writes { get; } = new();

    public List<IssuedCommand> Commands { get; } = new();

    // Commands are accepted but never finish (a hung device) until this is cleared.
    public bool Hang { get; set; }

    // Commands wait in PxCI until Complete() (to drive the interrupt path step by step).
    public bool Deferred { get; set; }

    // The next command fails with this ATA error register value (ABRT = 0x04, IDNF = 0x10, UNC = 0x40).
    public byte? FailNextWith { get; set; }

    // The deferred command finishes just after the driver's next read of PxIS or PxCI: the
    // moment between two of its reads.
    public bool CompleteAfterNextStatusRead { get; set; }

    // Every port's task file reads BSY until a COMRESET.
    public bool HoldBusy { get; set; }

    // Reads of GHC that still show HR set after a reset was asked for.
    public int ResetReads { get; set; }

    public int PortRestarts { get; private set; }

    public int Comresets { get; private set; }

    public void Attach(int port, FakeDisk disk)
    {
        _disks[port] = disk;
        LinkUp(port);
    }

    // The disk is unplugged: a COMRESET finds no link any more.
    public void Detach(int port) => _disks[port] = null;

    public uint Port(int port, int register) => _registers[AhciRegisters.Port(port, register) / 4];

    public uint Read(int offset)
    {
        if (offset == AhciRegisters.GlobalControl && ResetReads > 0)
        {
            ResetReads--;
            return _registers[offset / 4] | AhciRegisters.GlobalReset;
        }
        if (CompleteAfterNextStatusRead && offset >= AhciRegisters.PortsBase)
        {
            int register = (offset - AhciRegisters.PortsBase) % AhciRegisters.PortStride;
            if (register == AhciRegisters.PortInterruptStatus || register == AhciRegisters.PortCommandIssue)
            {
                uint value = _registers[offset / 4];
                CompleteAfterNextStatusRead = false;
                Complete();
                return value;
            }
        }
        if (HoldBusy && offset >= AhciRegisters.PortsBase && (offset - AhciRegisters.PortsBase) % AhciRegisters.PortStride == AhciRegisters.PortTaskFile)
            return AhciRegisters.TaskFileBusy;
        return _registers[offset / 4];
    }

    public void Write(int offset, uint value)
    {
        Writes.Add((offset, value));
        if (offset < AhciRegisters.PortsBase)
        {
            WriteGlobal(offset, value);
            return;
        }
        int port = (offset - AhciRegisters.PortsBase) / AhciRegisters.PortStride;
        int register = (offset - AhciRegisters.PortsBase) % AhciRegisters.PortStride;
        WritePort(port, register, value);
    }

    // A port raises an interrupt cause by itself; the HBA's status follows while the port's
    // causes stay set and enabled, as on the real thing (and QEMU, which re-sends its MSI).
    public void RaiseCause(int port, uint cause)
    {
        SetPort(port, AhciRegisters.PortInterruptStatus, Port(port, AhciRegisters.PortInterruptStatus) | cause);
        UpdateGlobalStatus(port);
    }

    // Finishes a deferred command on every port that has one.
    public void Complete()
    {
        for (int port = 0; port < Ports; port++)
        {
            if ((Port(port, AhciRegisters.PortCommandIssue) & 1) != 0)
                Execute(port);
        }
    }

    private void WriteGlobal(int offset, uint value)
    {
        switch (offset)
        {
            case AhciRegisters.GlobalControl:
                if ((value & AhciRegisters.GlobalReset) != 0)
                    ResetAll();
                _registers[offset / 4] = value & ~AhciRegisters.GlobalReset;
                break;
            case AhciRegisters.InterruptStatus:
                _registers[offset / 4] &= ~value;
                for (int port = 0; port < Ports; port++)
                    UpdateGlobalStatus(port);
                break;
        }
    }

    private void WritePort(int port, int register, uint value)
    {
        ref uint slot = ref _registers[AhciRegisters.Port(port, register) / 4];
        switch (register)
        {
            case AhciRegisters.PortInterruptStatus:
                slot &= ~value;
                // As QEMU computes it: the HBA's bit is the port's enabled causes.
                if ((slot & Port(port, AhciRegisters.PortInterruptEnable)) == 0)
                    _registers[AhciRegisters.InterruptStatus / 4] &= ~(1u << port);
                break;
            case AhciRegisters.PortSataError:
                slot &= ~value;
                break;
            case AhciRegisters.PortCommand:
                WriteCommand(port, value);
                break;
            case AhciRegisters.PortSataControl:
                slot = value;
                if ((value & 0xF) == AhciRegisters.SataControlDetectReset)
                {
                    Comresets++;
                    HoldBusy = false;
                    SetPort(port, AhciRegisters.PortSataStatus, 0);
                    SetPort(port, AhciRegisters.PortTaskFile, 0x80);
                }
                else if (_disks[port] is not null)
                    LinkUp(port);
                break;
            case AhciRegisters.PortCommandIssue:
                if ((Port(port, AhciRegisters.PortCommand) & AhciRegisters.CommandStart) == 0)
                    break;
                slot |= value;
                if (!Hang && !Deferred)
                    Execute(port);
                break;
            case AhciRegisters.PortTaskFile:
            case AhciRegisters.PortSignature:
            case AhciRegisters.PortSataStatus:
                break;
            default:
                slot = value;
                break;
        }
    }

    // ST and FRE are mirrored by CR and FR at once; clearing ST drops every issued command.
    private void WriteCommand(int port, uint value)
    {
        uint old = Port(port, AhciRegisters.PortCommand);
        uint running = value & ~(AhciRegisters.CommandListRunning | AhciRegisters.CommandFisReceiveRunning);
        if ((value & AhciRegisters.CommandStart) != 0)
            running |= AhciRegisters.CommandListRunning;
        else
            SetPort(port, AhciRegisters.PortCommandIssue, 0);
        if ((value & AhciRegisters.CommandFisReceiveEnable) != 0)
            running |= AhciRegisters.CommandFisReceiveRunning;
        if ((old & AhciRegisters.CommandStart) == 0 && (value & AhciRegisters.CommandStart) != 0)
            PortRestarts++;
        SetPort(port, AhciRegisters.PortCommand, running);
    }

    private void ResetAll()
    {
        for (int port = 0; port < Ports; port++)
        {
            for (int register = 0; register < AhciRegisters.PortStride; register += 4)
                SetPort(port, register, 0);
            if (_disks[port] is not null)
                LinkUp(port);
        }
        _registers[AhciRegisters.InterruptStatus / 4] = 0;
    }

    private void LinkUp(int port)
    {
        SetPort(port, AhciRegisters.PortSataStatus, 0x113);
        SetPort(port, AhciRegisters.PortSignature, AhciRegisters.SignatureAta);
        SetPort(port, AhciRegisters.PortTaskFile, 0x50);
    }

    private void SetPort(int port, int register, uint value) => _registers[AhciRegisters.Port(port, register) / 4] = value;

    // Runs slot 0's command as the HBA's DMA engine would.
    private void Execute(int port)
    {
        byte* list = (byte*)(Port(port, AhciRegisters.PortCommandListBase) | (ulong)Port(port, AhciRegisters.PortCommandListBaseHigh) << 32);
        uint flags = *(uint*)list;
        byte* table = (byte*)*(ulong*)(list + 8);
        var command = new IssuedCommand(port, flags, (ulong)table, table[0], table[1], table[2], table[7],
            table[4] | (ulong)table[5] << 8 | (ulong)table[6] << 16 | (ulong)table[8] << 24 | (ulong)table[9] << 32 | (ulong)table[10] << 40,
            table[12] | table[13] << 8);
        int regions = (int)(flags >> 16);
        for (int i = 0; i < regions; i++)
        {
            byte* entry = table + AtaProtocol.CommandTableHeaderBytes + i * AtaProtocol.PrdEntryBytes;
            command.Regions.Add(new Region(*(ulong*)entry, *(uint*)(entry + 12)));
        }
        Commands.Add(command);
        FakeDisk disk = _disks[port]!;
        uint transferred = 0;
        byte? error = FailNextWith;
        FailNextWith = null;
        if (error is null)
        {
            uint? moved = disk.Run(command);
            if (moved is null)
                error = IdNotFound;
            transferred = moved ?? 0;
        }
        *(uint*)(list + 4) = transferred;
        SetPort(port, AhciRegisters.PortCommandIssue, 0);
        uint causes = AhciRegisters.PortDeviceToHostFis;
        if (error is null)
            SetPort(port, AhciRegisters.PortTaskFile, 0x50);
        else
        {
            SetPort(port, AhciRegisters.PortTaskFile, (uint)error.Value << 8 | 0x51);
            causes |= AhciRegisters.PortTaskFileError;
        }
        SetPort(port, AhciRegisters.PortInterruptStatus, Port(port, AhciRegisters.PortInterruptStatus) | causes);
        UpdateGlobalStatus(port);
    }

    private void UpdateGlobalStatus(int port)
    {
        if ((Port(port, AhciRegisters.PortInterruptEnable) & Port(port, AhciRegisters.PortInterruptStatus)) != 0)
            _registers[AhciRegisters.InterruptStatus / 4] |= 1u << port;
    }
}

internal sealed record Region(ulong Address, uint ByteCountField)
{
    public int Bytes => (int)(ByteCountField & 0x3F_FFFF) + 1;

    public bool Interrupt => (ByteCountField & AtaProtocol.PrdInterrupt) != 0;
}

internal sealed record IssuedCommand(int Port, uint HeaderFlags, ulong TableAddress, byte FisType, byte FisFlags, byte Command, byte Device, ulong Lba, int Count)
{
    public List<Region> Regions { get; } = new();

    public bool IsWrite => (HeaderFlags & AtaProtocol.HeaderWrite) != 0;

    public int FisDwords => (int)(HeaderFlags & 0x1F);
}
