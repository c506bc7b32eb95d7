using System;
using Uk.Core;

namespace Uk.Drivers.Pci;

// A function's MSI capability (PCI Local Bus 3.0, 6.8.1): one message address and data
// word in configuration space. Drivers of functions without MSI-X (AHCI controllers, for
// one) get a vector of their own this way instead of a shared INTx line. Only a single
// message is used, so nothing about multiple-message grants matters.
public sealed class PciMsi
{
    private const int MessageControl = 2;
    private const int AddressLow = 4;
    private const int AddressHigh = 8;
    private const int Data32Bit = 8;
    private const int Data64Bit = 12;
    private const int Mask32Bit = 12;
    private const int Mask64Bit = 16;
    private const ushort ControlEnable = 1 << 0;
    private const ushort ControlMultipleEnable = 0x7 << 4;
    private const ushort Control64Bit = 1 << 7;
    private const ushort ControlPerVectorMask = 1 << 8;

    private readonly PciDevice _device;
    private readonly int _capability;

    private PciMsi(PciDevice device, int capability)
    {
        _device = device;
        _capability = capability;
    }

    // Null when the function has no MSI capability.
    public static PciMsi? Open(PciDevice device)
    {
        int capability = device.FindCapability(CapabilityList.Msi);
        return capability == 0 ? null : new PciMsi(device, capability);
    }

    // Gives the function one vector running handler, turns MSI on and INTx off; the vector
    // number, or -1 (and nothing changed) when the machine has no vector for it (no local
    // APIC delivery, e.g. with the PICs only).
    public int Attach(Action handler)
    {
        if (!Interrupts.RegisterMessage(handler, out ulong address, out uint data))
            return -1;
        ushort control = _device.ReadConfig16(_capability + MessageControl);
        bool wide = (control & Control64Bit) != 0;
        WriteConfig32(_capability + AddressLow, (uint)address);
        if (wide)
            WriteConfig32(_capability + AddressHigh, (uint)(address >> 32));
        _device.WriteConfig16(_capability + (wide ? Data64Bit : Data32Bit), (ushort)data);
        if ((control & ControlPerVectorMask) != 0)
            WriteConfig32(_capability + (wide ? Mask64Bit : Mask32Bit), 0);
        _device.WriteConfig16(_capability + MessageControl, (ushort)((control & ~ControlMultipleEnable) | ControlEnable));
        ushort command = _device.ReadConfig16(PciRegisters.Command);
        _device.WriteConfig16(PciRegisters.Command, (ushort)(command | PciRegisters.CommandInterruptDisable));
        return (int)data;
    }

    private void WriteConfig32(int offset, uint value) => _device.ConfigSpace.Write32(_device.Address, offset, value);
}
