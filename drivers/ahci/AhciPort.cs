using Uk.BlkDev;

namespace Uk.Drivers.Ahci;

// One port of the HBA with a SATA disk behind it: starting and stopping its command engine,
// building and issuing a command in slot 0, polling for its completion, and getting the port
// going again after an error or a command that never finished (AHCI 1.3.1, 10.1.2, 10.4).
// It keeps no state of its own about requests: AhciDisk decides what runs when.
public sealed class AhciPort
{
    private const int EngineStopMs = 500;
    private const int DeviceReadyMs = 1000;
    private const int ComresetHoldMs = 2;
    private const int LinkUpMs = 100;
    private const uint SlotZero = 1;

    private readonly IAhciRegisters _registers;
    private readonly bool _interrupts;

    public AhciPort(IAhciRegisters registers, int index, PortMemory memory, bool interrupts)
    {
        _registers = registers;
        Index = index;
        Memory = memory;
        _interrupts = interrupts;
    }

    public int Index { get; }

    public PortMemory Memory { get; }

    // The task file (ATA status in 7:0, error in 15:8) when the last command failed.
    public uint LastTaskFile { get; private set; }

    // The port's PxIS bits of the last failure.
    public uint LastErrorStatus { get; private set; }

    public uint Signature => Read(AhciRegisters.PortSignature);

    public static bool HasLink(IAhciRegisters registers, int port) =>
        (registers.Read(AhciRegisters.Port(port, AhciRegisters.PortSataStatus)) & AhciRegisters.SataStatusDetectMask) == AhciRegisters.SataStatusDeviceReady;

    // Stops the engine, points the HBA at this port's memory, clears stale errors and starts
    // it again. False when the engine would not stop or the device stayed busy.
    public bool Start()
    {
        if (!StopEngine())
            return false;
        Write(AhciRegisters.PortCommandListBase, (uint)Memory.CommandListAddress);
        Write(AhciRegisters.PortCommandListBaseHigh, (uint)(Memory.CommandListAddress >> 32));
        Write(AhciRegisters.PortFisBase, (uint)Memory.ReceivedFisAddress);
        Write(AhciRegisters.PortFisBaseHigh, (uint)(Memory.ReceivedFisAddress >> 32));
        Write(AhciRegisters.PortCommand, Read(AhciRegisters.PortCommand) | AhciRegisters.CommandFisReceiveEnable
            | AhciRegisters.CommandSpinUp | AhciRegisters.CommandPowerOn);
        return StartEngine();
    }

    // Builds the command in slot 0 and issues it. data is a physical address; bytes may be 0
    // (a flush). Region descriptors split the buffer at the 4 MiB a descriptor can carry.
    public void Issue(byte command, ulong lba, int sectors, ulong data, int bytes, bool write)
    {
        int regions = 0;
        while (bytes > 0)
        {
            int piece = bytes < AtaProtocol.PrdMaximumBytes ? bytes : AtaProtocol.PrdMaximumBytes;
            bytes -= piece;
            Memory.WriteRegion(regions++, data, piece, bytes == 0);
            data += (ulong)piece;
        }
        Memory.WriteCommandFis(command, lba, sectors);
        Memory.WriteHeader(write, regions);
        Write(AhciRegisters.PortCommandIssue, SlotZero);
    }

    // Looks at the command in slot 0. The causes are acknowledged first and the issue bit
    // read after: a command that ends later raises a fresh cause (and interrupt), one that
    // ended earlier shows a clear bit - read the other way round, a completion between the
    // two reads was taken for Busy with its cause already cleared, and the interrupt it sent
    // found nothing (a waiter then slept until its deadline). The task file is read last, so
    // an error posted after the causes were read still shows (QEMU clears a failed command's
    // issue bit, real HBAs leave it set with PxIS.TFES).
    public CommandResult Poll()
    {
        uint causes = Read(AhciRegisters.PortInterruptStatus);
        if (causes != 0)
            Write(AhciRegisters.PortInterruptStatus, causes);
        bool issued = (Read(AhciRegisters.PortCommandIssue) & SlotZero) != 0;
        uint taskFile = Read(AhciRegisters.PortTaskFile);
        if ((causes & AhciRegisters.PortErrors) != 0)
            return Failure(causes, taskFile);
        if (issued)
            return CommandResult.Busy;
        if ((taskFile & AhciRegisters.TaskFileError) != 0)
            return Failure(causes, taskFile);
        return CommandResult.Done;
    }

    // Clears whatever causes the port has raised, for an interrupt that finds no command in
    // flight (a cause can land after the poller saw its command done): left set, it would
    // keep the HBA's interrupt raised, and with MSI every register write re-sends the message.
    public void Acknowledge()
    {
        uint causes = Read(AhciRegisters.PortInterruptStatus);
        if (causes != 0)
            Write(AhciRegisters.PortInterruptStatus, causes);
    }

    // After an error or a timeout: the engine is stopped (which drops the command from the
    // HBA), errors cleared, and the device reset with COMRESET when it may still be working
    // on the command - always after a timeout, else if it still shows BSY or DRQ or the engine
    // would not stop; then the port is started again. Without the reset a device still busy
    // with the old command would finish it into slot 0 as if it were the next one (QEMU does).
    public bool Recover(bool resetDevice)
    {
        bool stopped = StopEngine();
        Write(AhciRegisters.PortSataError, 0xFFFF_FFFF);
        Write(AhciRegisters.PortInterruptStatus, 0xFFFF_FFFF);
        if (resetDevice || !stopped || (Read(AhciRegisters.PortTaskFile) & (AhciRegisters.TaskFileBusy | AhciRegisters.TaskFileDataRequest)) != 0)
        {
            if (!ResetLink())
                return false;
            StopEngine();
        }
        return StartEngine();
    }

    private CommandResult Failure(uint causes, uint taskFile)
    {
        LastErrorStatus = causes;
        LastTaskFile = taskFile;
        return CommandResult.Failed;
    }

    // Clears ST and then FRE, waiting for the HBA to say each engine stopped.
    private bool StopEngine()
    {
        uint command = Read(AhciRegisters.PortCommand);
        if ((command & AhciRegisters.CommandStart) != 0)
            Write(AhciRegisters.PortCommand, command & ~AhciRegisters.CommandStart);
        if (!WaitClear(AhciRegisters.PortCommand, AhciRegisters.CommandListRunning, EngineStopMs))
            return false;
        command = Read(AhciRegisters.PortCommand);
        if ((command & AhciRegisters.CommandFisReceiveEnable) != 0)
            Write(AhciRegisters.PortCommand, command & ~AhciRegisters.CommandFisReceiveEnable);
        return WaitClear(AhciRegisters.PortCommand, AhciRegisters.CommandFisReceiveRunning, EngineStopMs);
    }

    // FRE on, stale errors and causes cleared, the device no longer busy, then ST on.
    private bool StartEngine()
    {
        Write(AhciRegisters.PortCommand, Read(AhciRegisters.PortCommand) | AhciRegisters.CommandFisReceiveEnable);
        Write(AhciRegisters.PortSataError, 0xFFFF_FFFF);
        Write(AhciRegisters.PortInterruptStatus, 0xFFFF_FFFF);
        if (!WaitClear(AhciRegisters.PortTaskFile, AhciRegisters.TaskFileBusy | AhciRegisters.TaskFileDataRequest, DeviceReadyMs))
            return false;
        Write(AhciRegisters.PortInterruptEnable, _interrupts ? AhciRegisters.PortCompletions | AhciRegisters.PortErrors : 0);
        Write(AhciRegisters.PortCommand, Read(AhciRegisters.PortCommand) | AhciRegisters.CommandStart);
        return true;
    }

    // COMRESET: DET = 1 held for at least 1 ms, then released; the link must come back.
    private bool ResetLink()
    {
        uint control = Read(AhciRegisters.PortSataControl) & ~AhciRegisters.SataStatusDetectMask;
        Write(AhciRegisters.PortSataControl, control | AhciRegisters.SataControlDetectReset);
        long hold = Deadline.After(ComresetHoldMs);
        for (long polls = 0; !Deadline.Passed(hold, polls, ComresetHoldMs); polls++)
            _ = Read(AhciRegisters.PortSataStatus);
        Write(AhciRegisters.PortSataControl, control);
        long deadline = Deadline.After(LinkUpMs);
        for (long polls = 0; !HasLink(_registers, Index); polls++)
        {
            if (Deadline.Passed(deadline, polls, LinkUpMs))
                return false;
        }
        Write(AhciRegisters.PortSataError, 0xFFFF_FFFF);
        return true;
    }

    private bool WaitClear(int register, uint bits, int milliseconds)
    {
        long deadline = Deadline.After(milliseconds);
        for (long polls = 0; (Read(register) & bits) != 0; polls++)
        {
            if (Deadline.Passed(deadline, polls, milliseconds))
                return false;
        }
        return true;
    }

    private uint Read(int register) => _registers.Read(AhciRegisters.Port(Index, register));

    private void Write(int register, uint value) => _registers.Write(AhciRegisters.Port(Index, register), value);
}
