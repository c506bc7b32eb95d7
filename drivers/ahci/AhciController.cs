using Uk.BlkDev;

namespace Uk.Drivers.Ahci;

// The HBA as a whole (AHCI 1.3.1, 10.1 and 10.4.3): reset into AHCI mode, which ports are
// implemented and have a link, the global interrupt switch, and the interrupt handler that
// hands each port's causes to its disk.
public sealed class AhciController
{
    private const int ResetMs = 1000;
    // After the reset a port whose PHY saw a device (DET = 1) gets this long to finish
    // bringing its link up; ports with nothing attached (DET = 0) are not waited for.
    private const int LinkUpMs = 20;
    private const uint DetectPresent = 1;

    private readonly IAhciRegisters _registers;
    private readonly AhciDisk?[] _disks = new AhciDisk?[AhciRegisters.MaximumPorts];

    public AhciController(IAhciRegisters registers) => _registers = registers;

    public IAhciRegisters Registers => _registers;

    public uint PortsImplemented { get; private set; }

    public int CommandSlots { get; private set; }

    public bool Supports64Bit { get; private set; }

    // "1.3.1" from the version register.
    public string Version
    {
        get
        {
            uint version = _registers.Read(AhciRegisters.Version);
            uint major = version >> 16;
            uint minor = (version >> 8) & 0xFF;
            uint patch = version & 0xFF;
            return major.ToString() + "." + minor.ToString() + (patch != 0 ? "." + patch.ToString() : "");
        }
    }

    // Interrupts taken that had a cause of this controller's.
    public ulong InterruptCount { get; private set; }

    // AHCI mode on, HBA reset (which stops every port and resets its link), AHCI mode on
    // again (the reset clears it on some HBAs), interrupts off until a disk is ready.
    public bool Reset()
    {
        _registers.Write(AhciRegisters.GlobalControl, AhciRegisters.GlobalAhciEnable);
        _registers.Write(AhciRegisters.GlobalControl, AhciRegisters.GlobalAhciEnable | AhciRegisters.GlobalReset);
        long deadline = Deadline.After(ResetMs);
        for (long polls = 0; (_registers.Read(AhciRegisters.GlobalControl) & AhciRegisters.GlobalReset) != 0; polls++)
        {
            if (Deadline.Passed(deadline, polls, ResetMs))
                return false;
        }
        _registers.Write(AhciRegisters.GlobalControl, AhciRegisters.GlobalAhciEnable);
        uint capabilities = _registers.Read(AhciRegisters.Capabilities);
        CommandSlots = (int)((capabilities >> AhciRegisters.CapabilitiesSlotsShift) & AhciRegisters.CapabilitiesSlotsMask) + 1;
        Supports64Bit = (capabilities & AhciRegisters.Capabilities64Bit) != 0;
        PortsImplemented = _registers.Read(AhciRegisters.PortsImplemented);
        SpinUpPorts();
        WaitForLinks();
        return true;
    }

    public bool IsImplemented(int port) => (PortsImplemented & 1u << port) != 0;

    public bool HasLink(int port) => AhciPort.HasLink(_registers, port);

    public void Attach(AhciDisk disk) => _disks[disk.Port.Index] = disk;

    // Causes pending before this point are dropped, then the HBA may interrupt.
    public void EnableInterrupts()
    {
        uint stale = _registers.Read(AhciRegisters.InterruptStatus);
        if (stale != 0)
            _registers.Write(AhciRegisters.InterruptStatus, stale);
        _registers.Write(AhciRegisters.GlobalControl, AhciRegisters.GlobalAhciEnable | AhciRegisters.GlobalInterruptEnable);
    }

    // INTx (possibly shared: no cause means another device's) or the MSI message. Each
    // port's own causes are cleared by its disk before the port's bit here, as the
    // specification orders; the loop catches a port that raised a cause meanwhile, which an
    // edge-triggered line would otherwise lose.
    public void OnInterrupt()
    {
        uint pending = _registers.Read(AhciRegisters.InterruptStatus);
        if (pending == 0)
            return;
        InterruptCount++;
        for (int round = 0; pending != 0 && round < 4; round++)
        {
            for (int port = 0; port < AhciRegisters.MaximumPorts; port++)
            {
                if ((pending & 1u << port) != 0)
                    _disks[port]?.OnInterrupt();
            }
            _registers.Write(AhciRegisters.InterruptStatus, pending);
            pending = _registers.Read(AhciRegisters.InterruptStatus);
        }
    }

    // An HBA with staggered spin-up (CAP.SSS) brings no link up until the port's SUD bit is
    // set; elsewhere SUD reads as one and the write changes nothing. POD powers on a port
    // with cold presence detection.
    private void SpinUpPorts()
    {
        for (int port = 0; port < AhciRegisters.MaximumPorts; port++)
        {
            if (!IsImplemented(port))
                continue;
            int command = AhciRegisters.Port(port, AhciRegisters.PortCommand);
            _registers.Write(command, _registers.Read(command) | AhciRegisters.CommandSpinUp | AhciRegisters.CommandPowerOn);
        }
    }

    private void WaitForLinks()
    {
        long deadline = Deadline.After(LinkUpMs);
        for (long polls = 0; !Deadline.Passed(deadline, polls, LinkUpMs); polls++)
        {
            bool waiting = false;
            for (int port = 0; port < AhciRegisters.MaximumPorts; port++)
            {
                if (IsImplemented(port) && (_registers.Read(AhciRegisters.Port(port, AhciRegisters.PortSataStatus)) & AhciRegisters.SataStatusDetectMask) == DetectPresent)
                    waiting = true;
            }
            if (!waiting)
                return;
        }
    }
}
