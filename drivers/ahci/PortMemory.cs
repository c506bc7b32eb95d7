using System;
using Uk.Alloc;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Ahci;

// The memory one port's HBA reads and writes by DMA: the command list (1 KiB aligned), the
// received-FIS area (256-byte aligned), one command table (128-byte aligned) with its region
// descriptors, and a sector buffer for IDENTIFY. The driver keeps one command in flight per
// port, so only command slot 0 and one table are used. Addresses are physical: the kernel's
// memory is identity-mapped.
public sealed unsafe class PortMemory
{
    public const int PrdEntries = 8;
    private const int TableBytes = AtaProtocol.CommandTableHeaderBytes + PrdEntries * AtaProtocol.PrdEntryBytes;

    private readonly byte* _commandList;
    private readonly byte* _receivedFis;
    private readonly byte* _table;
    private readonly byte* _identify;

    private PortMemory(byte* commandList, byte* receivedFis, byte* table, byte* identify)
    {
        _commandList = commandList;
        _receivedFis = receivedFis;
        _table = table;
        _identify = identify;
    }

    public ulong CommandListAddress => (ulong)_commandList;

    public ulong ReceivedFisAddress => (ulong)_receivedFis;

    public ulong TableAddress => (ulong)_table;

    public ulong IdentifyAddress => (ulong)_identify;

    // Null when the allocator has no room.
    public static PortMemory? Allocate()
    {
        byte* commandList = Zeroed(AtaProtocol.CommandListBytes, 1024);
        byte* receivedFis = Zeroed(AtaProtocol.ReceivedFisBytes, 256);
        byte* table = Zeroed(TableBytes, 128);
        byte* identify = Zeroed(AtaProtocol.IdentifyBytes, 16);
        if (commandList == null || receivedFis == null || table == null || identify == null)
            return null;
        return new PortMemory(commandList, receivedFis, table, identify);
    }

    public ReadOnlySpan<byte> IdentifyBuffer => new ReadOnlySpan<byte>(_identify, AtaProtocol.IdentifyBytes);

    // Writes slot 0's command header: FIS length, direction, region count, table address;
    // the byte count the HBA reports back starts at zero.
    public void WriteHeader(bool write, int regions)
    {
        uint flags = (uint)AtaProtocol.HostToDeviceFisDwords | (write ? AtaProtocol.HeaderWrite : 0)
            | (uint)regions << AtaProtocol.HeaderPrdCountShift;
        DeviceMemory.Write32(_commandList, flags);
        DeviceMemory.Write32(_commandList + 4, 0);
        DeviceMemory.Write64(_commandList + 8, TableAddress);
        DeviceMemory.Write64(_commandList + 16, 0);
        DeviceMemory.Write64(_commandList + 24, 0);
    }

    // The host-to-device register FIS for a 48-bit command, at the start of the table.
    public void WriteCommandFis(byte command, ulong lba, int sectors)
    {
        byte* fis = _table;
        ushort count = (ushort)(sectors == AtaProtocol.MaximumSectorsPerCommand ? 0 : sectors);
        DeviceMemory.Write32(fis, AtaProtocol.FisTypeHostToDevice | (uint)AtaProtocol.FisCommandBit << 8 | (uint)command << 16);
        // LBA 23:0 and the device register.
        DeviceMemory.Write32(fis + 4, (uint)(lba & 0xFFFFFF) | (uint)AtaProtocol.DeviceLba << 24);
        // LBA 47:24, features 15:8 (zero).
        DeviceMemory.Write32(fis + 8, (uint)((lba >> 24) & 0xFFFFFF));
        // Count 15:0, ICC and control (zero).
        DeviceMemory.Write32(fis + 12, count);
        DeviceMemory.Write32(fis + 16, 0);
    }

    // Region descriptor index: address and byte count (even, at most 4 MiB), interrupt on the last.
    public void WriteRegion(int index, ulong address, int bytes, bool last)
    {
        byte* entry = _table + AtaProtocol.CommandTableHeaderBytes + index * AtaProtocol.PrdEntryBytes;
        DeviceMemory.Write64(entry, address);
        DeviceMemory.Write32(entry + 8, 0);
        DeviceMemory.Write32(entry + 12, (uint)(bytes - 1) | (last ? AtaProtocol.PrdInterrupt : 0));
    }

    // The byte count the HBA wrote back into slot 0's header.
    public uint TransferredBytes => DeviceMemory.Read32(_commandList + 4);

    private static byte* Zeroed(int bytes, int alignment)
    {
        byte* memory = (byte*)Heap.AllocateAligned((nuint)bytes, (nuint)alignment);
        if (memory != null)
            new Span<byte>(memory, bytes).Clear();
        return memory;
    }
}
