using System;
using Uk.Core;

namespace Uk.Drivers.Pci;

// A function's MSI-X capability: a table of {address, data, mask} entries in one of its
// memory BARs. Each entry used gets its own interrupt vector and handler, so no line is
// shared and nothing needs acknowledging at the device.
public sealed unsafe class PciMsiX
{
    private const int MessageControl = 2;
    private const int TableLocation = 4;
    private const ushort ControlEnable = 1 << 15;
    private const ushort ControlFunctionMask = 1 << 14;
    private const int EntryBytes = 16;
    private const uint EntryMasked = 1;

    private readonly PciDevice _device;
    private readonly int _capability;
    private readonly byte* _table;

    private PciMsiX(PciDevice device, int capability, byte* table, int tableSize)
    {
        _device = device;
        _capability = capability;
        _table = table;
        TableSize = tableSize;
    }

    public int TableSize { get; }

    // Null when the function has no MSI-X capability or its table is not inside a memory BAR
    // the kernel can reach.
    public static PciMsiX? Open(PciDevice device)
    {
        int capability = device.FindCapability(CapabilityList.MsiX);
        if (capability == 0)
            return null;
        int tableSize = (device.ReadConfig16(capability + MessageControl) & 0x7FF) + 1;
        uint location = device.ReadConfig32(capability + TableLocation);
        int bar = (int)(location & 0x7);
        ulong offset = location & ~0x7u;
        PciBar[] bars = device.Bars;
        if (bar >= bars.Length || !bars[bar].IsMemory || !bars[bar].Contains(offset, (ulong)(tableSize * EntryBytes)))
            return null;
        ulong table = bars[bar].Address + offset;
        if (table + (ulong)(tableSize * EntryBytes) > 0x1_0000_0000UL)
        {
            IAddressSpace? space = Kernel.AddressSpace;
            ulong page = table & ~0xFFFUL;
            if (space is null || !space.Map(page, page, table + (ulong)(tableSize * EntryBytes) - page, PageRights.Writable | PageRights.CacheDisabled))
                return null;
        }
        return new PciMsiX(device, capability, (byte*)table, tableSize);
    }

    // Turns MSI-X on with every entry masked, and INTx off: the function signals only
    // through the entries attached afterwards.
    public void Enable()
    {
        ushort control = _device.ReadConfig16(_capability + MessageControl);
        _device.WriteConfig16(_capability + MessageControl, (ushort)(control | ControlEnable | ControlFunctionMask));
        for (int i = 0; i < TableSize; i++)
            DeviceMemory.Write32(_table + i * EntryBytes + 12, EntryMasked);
        _device.WriteConfig16(_capability + MessageControl, (ushort)((control | ControlEnable) & ~ControlFunctionMask));
        ushort command = _device.ReadConfig16(PciRegisters.Command);
        _device.WriteConfig16(PciRegisters.Command, (ushort)(command | PciRegisters.CommandInterruptDisable));
    }

    // Back to INTx (when the device refused the vectors).
    public void Disable()
    {
        ushort control = _device.ReadConfig16(_capability + MessageControl);
        _device.WriteConfig16(_capability + MessageControl, (ushort)(control & ~ControlEnable));
        ushort command = _device.ReadConfig16(PciRegisters.Command);
        _device.WriteConfig16(PciRegisters.Command, (ushort)(command & ~PciRegisters.CommandInterruptDisable));
    }

    // Gives entry its own vector running handler and unmasks it; the vector number, or -1
    // when the entry does not exist or the machine has no vector for it.
    public int Attach(int entry, Action handler)
    {
        if (entry < 0 || entry >= TableSize || !Interrupts.RegisterMessage(handler, out ulong address, out uint data))
            return -1;
        byte* slot = _table + entry * EntryBytes;
        DeviceMemory.Write32(slot, (uint)address);
        DeviceMemory.Write32(slot + 4, (uint)(address >> 32));
        DeviceMemory.Write32(slot + 8, data);
        DeviceMemory.Write32(slot + 12, 0);
        return (int)data;
    }
}
