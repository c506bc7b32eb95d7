using System.Runtime.CompilerServices;

using Uk.Core;

namespace Uk.Drivers.Acpi;

// The FADT's registers on the machine: I/O ports, memory below 4 GiB (identity-mapped), and
// PCI configuration space of bus 0 through ports 0xCF8/0xCFC.
internal sealed unsafe class MachineAcpiRegisters : IAcpiRegisters
{
    private const ulong MappedEnd = 0x1_0000_0000;
    private const ushort PciAddressPort = 0xCF8;
    private const ushort PciDataPort = 0xCFC;
    private const ushort DelayPort = 0x80;
    // Writes to the POST port take about a microsecond each on PCs: about a second, which
    // also covers a power supply slow to drop and an emulator slow to act on the request.
    private const int SettleWrites = 1_000_000;

    public bool CanReach(GenericAddress register) => register.Space switch
    {
        AddressSpace.SystemIo => register.Address <= 0xFFFF,
        AddressSpace.SystemMemory => register.Address >= 0x1000 && register.Address < MappedEnd - 8,
        AddressSpace.PciConfiguration => (register.Address >> 48) == 0,
        _ => false,
    };

    public ulong Read(GenericAddress register, int bits)
    {
        switch (register.Space)
        {
            case AddressSpace.SystemIo:
                ushort port = (ushort)register.Address;
                return bits switch { 8 => PortIo.Read8(port), 16 => PortIo.Read16(port), _ => PortIo.Read32(port) };
            case AddressSpace.SystemMemory:
                return ReadMemory(register.Address, bits);
            default:
                SelectPciRegister(register.Address);
                return PortIo.Read8((ushort)(PciDataPort + (register.Address & 3)));
        }
    }

    public void Write(GenericAddress register, int bits, ulong value)
    {
        switch (register.Space)
        {
            case AddressSpace.SystemIo:
                ushort port = (ushort)register.Address;
                if (bits == 8)
                    PortIo.Write8(port, (byte)value);
                else if (bits == 16)
                    PortIo.Write16(port, (ushort)value);
                else
                    PortIo.Write32(port, (uint)value);
                break;
            case AddressSpace.SystemMemory:
                WriteMemory(register.Address, bits, value);
                break;
            default:
                // ACPI allows only byte-wide registers in PCI configuration space (the reset register).
                SelectPciRegister(register.Address);
                PortIo.Write8((ushort)(PciDataPort + (register.Address & 3)), (byte)value);
                break;
        }
    }

    // The corlib has no Volatile: a call of its own keeps each device access where it is.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong ReadMemory(ulong address, int bits) =>
        bits == 8 ? *(byte*)address : bits == 16 ? *(ushort*)address : *(uint*)address;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteMemory(ulong address, int bits, ulong value)
    {
        if (bits == 8)
            *(byte*)address = (byte)value;
        else if (bits == 16)
            *(ushort*)address = (ushort)value;
        else
            *(uint*)address = (uint)value;
    }

    public void Settle()
    {
        for (int i = 0; i < SettleWrites; i++)
            PortIo.Write8(DelayPort, 0);
    }

    // ACPI's PCI address: device in bits 32-47, function in 16-31, register offset in 0-15; bus 0.
    private static void SelectPciRegister(ulong address)
    {
        uint device = (uint)(address >> 32) & 0x1F;
        uint function = (uint)(address >> 16) & 0x7;
        uint offset = (uint)address & 0xFC;
        PortIo.Write32(PciAddressPort, 0x8000_0000u | device << 11 | function << 8 | offset);
    }
}
