using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Uk.Drivers.Pci;

namespace Unikraft.Virtio.Tests;

// PCIe ECAM: the MCFG table parsed without trusting it, and configuration space read
// through a memory window (native memory standing in for the device's).
public sealed unsafe class EcamTests
{
    private static byte[] Mcfg(params (ulong Base, ushort Segment, byte Start, byte End)[] entries)
    {
        var table = new byte[44 + 16 * entries.Length];
        "MCFG"u8.CopyTo(table);
        BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4), (uint)table.Length);
        for (int i = 0; i < entries.Length; i++)
        {
            int at = 44 + 16 * i;
            BinaryPrimitives.WriteUInt64LittleEndian(table.AsSpan(at), entries[i].Base);
            BinaryPrimitives.WriteUInt16LittleEndian(table.AsSpan(at + 8), entries[i].Segment);
            table[at + 10] = entries[i].Start;
            table[at + 11] = entries[i].End;
        }
        return table;
    }

    [Fact]
    public void TheWindowOfSegmentZeroFromBusZeroIsChosen()
    {
        byte[] table = Mcfg((0xC000_0000, 1, 0, 255), (0xB010_0000, 0, 1, 255), (0xB000_0000, 0, 0, 63));

        Assert.True(McfgParser.TryFindSegmentZero(table, out EcamWindow window));
        Assert.Equal(0xB000_0000UL, window.BaseAddress);
        Assert.Equal(63, window.EndBus);
        Assert.Equal(64UL << 20, window.Length);
    }

    [Fact]
    public void MalformedTablesGiveNoWindow()
    {
        Assert.False(McfgParser.TryFindSegmentZero(null, out _));
        Assert.False(McfgParser.TryFindSegmentZero(new byte[20], out _));
        Assert.False(McfgParser.TryFindSegmentZero(Mcfg((0xB000_8000, 0, 0, 255)), out _)); // not 1 MiB aligned
        Assert.False(McfgParser.TryFindSegmentZero(Mcfg((0xB000_0000, 0, 10, 5)), out _)); // end before start
        byte[] lying = Mcfg((0xB000_0000, 0, 0, 255));
        BinaryPrimitives.WriteUInt32LittleEndian(lying.AsSpan(4), 4096); // claims more than it has
        Assert.False(McfgParser.TryFindSegmentZero(lying, out _));
    }

    [Fact]
    public void FunctionsAreReadThroughTheWindowAndBusesOutsideItAreAbsent()
    {
        const int buses = 2;
        byte* memory = (byte*)NativeMemory.AllocZeroed(buses << 20);
        try
        {
            // Every function absent (all ones), then one device at 01:03.0.
            NativeMemory.Fill(memory, buses << 20, 0xFF);
            byte* function = memory + (1 << 20) + (3 << 15);
            NativeMemory.Clear(function, 4096);
            *(uint*)function = 0x10421AF4;
            *(uint*)(function + 8) = 0x01000000;
            var space = new EcamConfigSpace(new EcamWindow((ulong)memory, 0, 0, buses - 1));

            PciDevice[] devices = PciEnumerator.Scan(space);

            var device = Assert.Single(devices);
            Assert.Equal("01:03.0 1af4:1042 class 01.00", device.Describe());
            space.Write32(new PciAddress(1, 3, 0), 0x100, 0xAABBCCDD); // extended space, beyond the ports' 256 bytes
            Assert.Equal(0xAABBCCDDu, *(uint*)(function + 0x100));
            Assert.Equal(0xFFFFFFFFu, space.Read32(new PciAddress(2, 0, 0), 0));
        }
        finally
        {
            NativeMemory.Free(memory);
        }
    }
}
