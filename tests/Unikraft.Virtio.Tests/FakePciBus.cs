using System.Buffers.Binary;
using Uk.Drivers.Pci;

namespace Unikraft.Virtio.Tests;

// A PCI bus in memory: 256 bytes of configuration space per function, with BARs that answer
// the all-ones sizing write the way hardware does (the size bits read back as zero).
internal sealed class FakePciBus : IPciConfigSpace
{
    private readonly Dictionary<(int, int, int), Function> _functions = new();

    public sealed class Function
    {
        public readonly byte[] Config = new byte[256];
        public readonly ulong[] BarSizes = new ulong[6];
        public int Reads;

        public void Set16(int offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Config.AsSpan(offset), value);

        public void Set32(int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Config.AsSpan(offset), value);

        public ushort Get16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(Config.AsSpan(offset));

        // Adds a capability at offset, linked in front of the existing list.
        public void AddCapability(int offset, byte id, params byte[] body)
        {
            Config[offset] = id;
            Config[offset + 1] = Config[PciRegisters.CapabilitiesPointer];
            body.CopyTo(Config, offset + 2);
            Config[PciRegisters.CapabilitiesPointer] = (byte)offset;
            Set16(PciRegisters.Status, (ushort)(Get16(PciRegisters.Status) | PciRegisters.StatusCapabilities));
        }
    }

    public Function Add(int bus, int device, int function, ushort vendor, ushort deviceId, byte classCode = 0, byte subclass = 0, bool multiFunction = false)
    {
        var f = new Function();
        f.Set16(PciRegisters.VendorId, vendor);
        f.Set16(PciRegisters.DeviceId, deviceId);
        f.Set32(PciRegisters.RevisionAndClass, ((uint)classCode << 24) | ((uint)subclass << 16));
        f.Config[PciRegisters.HeaderType] = multiFunction ? PciRegisters.HeaderMultiFunction : (byte)0;
        _functions[(bus, device, function)] = f;
        return f;
    }

    // A BAR: I/O, 32-bit or 64-bit memory at address with a power-of-two size.
    public static void SetBar(Function f, int index, PciBarKind kind, ulong address, ulong size, bool prefetchable = false)
    {
        uint low = kind switch
        {
            PciBarKind.Io => (uint)address | 1,
            PciBarKind.Memory64 => (uint)address | 4 | (prefetchable ? 8u : 0),
            _ => (uint)address | (prefetchable ? 8u : 0),
        };
        f.Set32(PciRegisters.Bar0 + index * 4, low);
        f.BarSizes[index] = size;
        if (kind == PciBarKind.Memory64)
        {
            f.Set32(PciRegisters.Bar0 + index * 4 + 4, (uint)(address >> 32));
            f.BarSizes[index + 1] = ulong.MaxValue; // marks the upper half
            f.BarSizes[index] = size;
        }
    }

    public uint Read32(PciAddress address, int offset)
    {
        if (!_functions.TryGetValue((address.Bus, address.Device, address.Function), out Function? f))
            return 0xFFFFFFFF;
        f.Reads++;
        return BinaryPrimitives.ReadUInt32LittleEndian(f.Config.AsSpan(offset & 0xFC));
    }

    public void Write32(PciAddress address, int offset, uint value)
    {
        if (!_functions.TryGetValue((address.Bus, address.Device, address.Function), out Function? f))
            return;
        offset &= 0xFC;
        int bar = (offset - PciRegisters.Bar0) / 4;
        if (offset >= PciRegisters.Bar0 && offset < PciRegisters.Bar0 + 24)
        {
            uint old = BinaryPrimitives.ReadUInt32LittleEndian(f.Config.AsSpan(offset));
            value = BarWrite(f, bar, old, value);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(f.Config.AsSpan(offset), value);
    }

    // Address bits below the size are hard-wired to zero; the type bits are read-only.
    private static uint BarWrite(Function f, int bar, uint old, uint value)
    {
        ulong size = f.BarSizes[bar];
        if (size == ulong.MaxValue)
        {
            ulong fullSize = f.BarSizes[bar - 1];
            return value & (uint)(~(fullSize - 1) >> 32);
        }
        if (size == 0)
            return 0;
        uint typeBits = (old & 1) != 0 ? old & 0x3 : old & 0xF;
        return (value & (uint)~(size - 1) & ((old & 1) != 0 ? ~0x3u : ~0xFu)) | typeBits;
    }
}
