using Uk.Drivers.Nvme;

namespace Unikraft.Nvme.Tests;

// Namespace 1 behind a FakeNvme: its bytes, and the Identify Namespace data it answers with
// (the current LBA format is format 1 of 2; format 0 is always 512 bytes).
internal sealed class FakeNamespace
{
    public FakeNamespace(ulong sectors, int sectorSize = 512, bool readOnly = false, int metadata = 0, bool extendedMetadata = false)
    {
        SectorCount = sectors;
        SectorSize = sectorSize;
        Bytes = new byte[(int)sectors * sectorSize];
        Identify = new byte[4096];
        BitConverter.GetBytes(sectors).CopyTo(Identify, 0);
        BitConverter.GetBytes(sectors).CopyTo(Identify, 8);
        Identify[25] = 1;
        Identify[26] = (byte)(1 | (extendedMetadata ? 1 << 4 : 0));
        Identify[99] = (byte)(readOnly ? 1 : 0);
        BitConverter.GetBytes(9u << 16).CopyTo(Identify, 128);
        BitConverter.GetBytes((uint)System.Numerics.BitOperations.Log2((uint)sectorSize) << 16 | (uint)metadata).CopyTo(Identify, 132);
    }

    public ulong SectorCount { get; }

    public int SectorSize { get; }

    public byte[] Bytes { get; }

    public byte[] Identify { get; }

    public int Flushes { get; set; }
}
