namespace Uk.Drivers.Ahci;

// Register offsets and bits of the HBA's memory-mapped registers (AHCI 1.3.1, section 3),
// by byte offset into ABAR (BAR 5); only those this driver uses.
public static class AhciRegisters
{
    // Generic host control.
    public const int Capabilities = 0x00;
    public const int GlobalControl = 0x04;
    public const int InterruptStatus = 0x08;
    public const int PortsImplemented = 0x0C;
    public const int Version = 0x10;

    public const uint Capabilities64Bit = 1u << 31;
    public const uint CapabilitiesStaggeredSpinUp = 1u << 27;
    public const int CapabilitiesSlotsShift = 8;
    public const uint CapabilitiesSlotsMask = 0x1F;

    public const uint GlobalReset = 1u << 0;
    public const uint GlobalInterruptEnable = 1u << 1;
    public const uint GlobalAhciEnable = 1u << 31;

    // Port n's registers start at 0x100 + 0x80 * n.
    public const int PortsBase = 0x100;
    public const int PortStride = 0x80;
    public const int MaximumPorts = 32;

    public const int PortCommandListBase = 0x00;
    public const int PortCommandListBaseHigh = 0x04;
    public const int PortFisBase = 0x08;
    public const int PortFisBaseHigh = 0x0C;
    public const int PortInterruptStatus = 0x10;
    public const int PortInterruptEnable = 0x14;
    public const int PortCommand = 0x18;
    public const int PortTaskFile = 0x20;
    public const int PortSignature = 0x24;
    public const int PortSataStatus = 0x28;
    public const int PortSataControl = 0x2C;
    public const int PortSataError = 0x30;
    public const int PortCommandIssue = 0x38;

    public const uint CommandStart = 1u << 0;
    public const uint CommandSpinUp = 1u << 1;
    public const uint CommandPowerOn = 1u << 2;
    public const uint CommandFisReceiveEnable = 1u << 4;
    public const uint CommandFisReceiveRunning = 1u << 14;
    public const uint CommandListRunning = 1u << 15;

    // PxIS / PxIE bits.
    public const uint PortDeviceToHostFis = 1u << 0;
    public const uint PortPioSetupFis = 1u << 1;
    public const uint PortDmaSetupFis = 1u << 2;
    public const uint PortSetDeviceBitsFis = 1u << 3;
    public const uint PortDescriptorProcessed = 1u << 5;
    public const uint PortInterfaceFatal = 1u << 27;
    public const uint PortHostBusData = 1u << 28;
    public const uint PortHostBusFatal = 1u << 29;
    public const uint PortTaskFileError = 1u << 30;
    public const uint PortErrors = PortTaskFileError | PortHostBusFatal | PortHostBusData | PortInterfaceFatal;
    public const uint PortCompletions = PortDeviceToHostFis | PortPioSetupFis | PortDmaSetupFis | PortSetDeviceBitsFis | PortDescriptorProcessed;

    // PxTFD: the ATA status register in bits 7:0, the error register in 15:8.
    public const uint TaskFileError = 1u << 0;
    public const uint TaskFileDataRequest = 1u << 3;
    public const uint TaskFileBusy = 1u << 7;

    // PxSSTS device detection: 3 = a device is present and the PHY link is up.
    public const uint SataStatusDetectMask = 0xF;
    public const uint SataStatusDeviceReady = 3;
    // PxSCTL DET = 1: the port sends COMRESET while it holds the value.
    public const uint SataControlDetectReset = 1;

    public const uint SignatureAta = 0x00000101;
    public const uint SignatureAtapi = 0xEB140101;

    public static int Port(int port, int register) => PortsBase + port * PortStride + register;
}
