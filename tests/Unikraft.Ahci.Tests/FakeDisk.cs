using System.Runtime.InteropServices;
using System.Text;
using Uk.Drivers.Ahci;

namespace Unikraft.Ahci.Tests;

// The disk behind a FakeAhci port: its bytes, and the IDENTIFY DEVICE data it answers with.
internal sealed unsafe class FakeDisk
{
    public FakeDisk(ulong sectors, int sectorSize = 512, string model = "FAKE SATA DISK", bool flushExt = true)
    {
        SectorSize = sectorSize;
        Bytes = new byte[(int)sectors * sectorSize];
        Identify = IdentifyFor(sectors, sectorSize, model, flushExt);
    }

    public int SectorSize { get; }

    public byte[] Bytes { get; }

    public byte[] Identify { get; }

    public int Flushes { get; private set; }

    // Builds the 256 words as ATA8-ACS lays them out (only the words the driver reads).
    public static byte[] IdentifyFor(ulong sectors, int sectorSize, string model, bool flushExt = true, bool lba48 = true)
    {
        var words = new ushort[256];
        words[0] = 0x0040;
        string padded = model.PadRight(40);
        for (int i = 0; i < 20; i++)
            words[27 + i] = (ushort)(padded[2 * i] << 8 | padded[2 * i + 1]);
        words[60] = (ushort)Math.Min(sectors, 0x0FFF_FFFF);
        words[61] = (ushort)(Math.Min(sectors, 0x0FFF_FFFF) >> 16);
        words[82] = 1 << 5;
        words[85] = 1 << 5;
        words[83] = (ushort)(0x4000 | (lba48 ? 1 << 10 : 0) | (flushExt ? 1 << 13 : 0) | 1 << 12);
        words[86] = (ushort)((lba48 ? 1 << 10 : 0) | (flushExt ? 1 << 13 : 0) | 1 << 12);
        for (int i = 0; i < 4; i++)
            words[100 + i] = (ushort)(sectors >> (16 * i));
        if (sectorSize != 512)
        {
            words[106] = 0x4000 | 1 << 12;
            words[117] = (ushort)(sectorSize / 2);
            words[118] = (ushort)((sectorSize / 2) >> 16);
        }
        return MemoryMarshal.AsBytes(words.AsSpan()).ToArray();
    }

    // Runs one command; the bytes moved, for the header's byte count, or null when the
    // sectors are not on the disk (the device answers ID not found).
    public uint? Run(IssuedCommand command)
    {
        int count = command.Count == 0 ? 65536 : command.Count;
        bool transfer = command.Command == AtaProtocol.ReadDmaExt || command.Command == AtaProtocol.WriteDmaExt;
        if (transfer && (command.Lba + (ulong)count) * (ulong)SectorSize > (ulong)Bytes.Length)
            return null;
        switch (command.Command)
        {
            case AtaProtocol.IdentifyDevice:
                return Scatter(command, Identify);
            case AtaProtocol.ReadDmaExt:
                return Scatter(command, Bytes.AsSpan((int)command.Lba * SectorSize, count * SectorSize));
            case AtaProtocol.WriteDmaExt:
                return Gather(command, Bytes.AsSpan((int)command.Lba * SectorSize, count * SectorSize));
            default:
                Flushes++;
                return 0;
        }
    }

    private static uint Scatter(IssuedCommand command, ReadOnlySpan<byte> source)
    {
        int done = 0;
        foreach (Region region in command.Regions)
        {
            int piece = Math.Min(region.Bytes, source.Length - done);
            source.Slice(done, piece).CopyTo(new Span<byte>((void*)region.Address, piece));
            done += piece;
        }
        return (uint)done;
    }

    private static uint Gather(IssuedCommand command, Span<byte> target)
    {
        int done = 0;
        foreach (Region region in command.Regions)
        {
            int piece = Math.Min(region.Bytes, target.Length - done);
            new ReadOnlySpan<byte>((void*)region.Address, piece).CopyTo(target.Slice(done));
            done += piece;
        }
        return (uint)done;
    }
}
