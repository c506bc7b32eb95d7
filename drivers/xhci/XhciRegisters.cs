namespace Uk.Drivers.Xhci;

// Register offsets and bits (xHCI 1.2, chapter 5). Operational, runtime and doorbell offsets
// are relative to the bases the capability registers give.
public static class XhciRegisters
{
    // Capability registers, from BAR 0.
    public const int CapabilityLength = 0x00;
    public const int StructuralParameters1 = 0x04;
    public const int StructuralParameters2 = 0x08;
    public const int CapabilityParameters1 = 0x10;
    public const int DoorbellOffset = 0x14;
    public const int RuntimeOffset = 0x18;

    public const uint ContextSize64 = 1u << 2;

    // Operational registers, from CAPLENGTH.
    public const int Command = 0x00;
    public const int Status = 0x04;
    public const int PageSize = 0x08;
    public const int CommandRingControl = 0x18;
    public const int ContextBaseArray = 0x30;
    public const int Configure = 0x38;
    public const int PortsBase = 0x400;
    public const int PortStride = 0x10;

    public const uint CommandRun = 1u << 0;
    public const uint CommandReset = 1u << 1;
    public const uint CommandInterrupterEnable = 1u << 2;

    public const uint StatusHalted = 1u << 0;
    public const uint StatusHostSystemError = 1u << 2;
    public const uint StatusEventInterrupt = 1u << 3;
    public const uint StatusNotReady = 1u << 11;

    // PORTSC.
    public const uint PortConnected = 1u << 0;
    public const uint PortEnabled = 1u << 1;
    public const uint PortReset = 1u << 4;
    public const int PortSpeedShift = 10;
    public const uint PortResetChange = 1u << 21;
    // The bits a write must carry over unchanged (port power, indicator, wake enables);
    // everything else is read-only or write-1-to-clear, and a 1 written to PED disables the port.
    public const uint PortPreserved = (1u << 9) | (3u << 14) | (7u << 25);
    // The write-1-to-clear change bits CSC, PEC, WRC, OCC, PRC, PLC, CEC.
    public const uint PortChanges = 0x7Fu << 17;

    // Interrupter 0, from the runtime base.
    public const int Interrupter0 = 0x20;
    public const int InterrupterManagement = 0x00;
    public const int EventRingTableSize = 0x08;
    public const int EventRingTableBase = 0x10;
    public const int EventRingDequeue = 0x18;
    public const uint EventHandlerBusy = 1u << 3;
    public const uint InterruptPending = 1u << 0;
    public const uint InterruptEnable = 1u << 1;

    // Extended capability USB Legacy Support: the firmware hands the controller over.
    public const int LegacySupportId = 1;
    public const uint BiosOwned = 1u << 16;
    public const uint OsOwned = 1u << 24;
}
