using System;

namespace Uk.Drivers.Ahci;

// What IDENTIFY DEVICE's 256 words say about a disk (ATA8-ACS 7.16, table 22): capacity
// from the 48-bit words 100-103, the logical sector size from words 106 and 117-118, the
// model from words 27-46 (two ASCII characters per word, the first in the high byte), and
// which optional commands it has. Null from Parse for data that is not an ATA disk the
// driver can address.
public sealed class IdentifyData
{
    private const int WordGeneral = 0;
    private const int WordModel = 27;
    private const int ModelWords = 20;
    private const int WordCommandSets2 = 83;
    private const int WordCommandSetsEnabled2 = 86;
    private const int WordCommandSets1 = 82;
    private const int WordCommandSetsEnabled1 = 85;
    private const int WordLba48Count = 100;
    private const int WordSectorSizes = 106;
    private const int WordLogicalSectorSize = 117;

    private const ushort GeneralNotAta = 1 << 15;
    private const ushort Sets2Lba48 = 1 << 10;
    private const ushort Sets2FlushExt = 1 << 13;
    private const ushort Sets1WriteCache = 1 << 5;
    // Words 83 and 106 are valid only when bits 15:14 read 01.
    private const ushort ValidMask = 0xC000;
    private const ushort Valid = 0x4000;
    private const ushort SizesLongLogical = 1 << 12;

    private IdentifyData(ulong sectorCount, int sectorSize, string model, bool hasFlushExt, bool writeCacheEnabled)
    {
        SectorCount = sectorCount;
        SectorSize = sectorSize;
        Model = model;
        HasFlushExt = hasFlushExt;
        WriteCacheEnabled = writeCacheEnabled;
    }

    public ulong SectorCount { get; }

    public int SectorSize { get; }

    public string Model { get; }

    public bool HasFlushExt { get; }

    public bool WriteCacheEnabled { get; }

    // refusal says why the data was refused, for the log.
    public static IdentifyData? Parse(ReadOnlySpan<byte> data, out string refusal)
    {
        refusal = "";
        if (data.Length < AtaProtocol.IdentifyBytes)
            return Refused("short identify data", out refusal);
        if ((Word(data, WordGeneral) & GeneralNotAta) != 0)
            return Refused("not an ATA device", out refusal);
        ushort sets2 = Word(data, WordCommandSets2);
        bool sets2Valid = (sets2 & ValidMask) == Valid;
        if (!sets2Valid || (sets2 & Sets2Lba48) == 0 || (Word(data, WordCommandSetsEnabled2) & Sets2Lba48) == 0)
            return Refused("no 48-bit addressing", out refusal);
        ulong sectors = Word(data, WordLba48Count) | (ulong)Word(data, WordLba48Count + 1) << 16
            | (ulong)Word(data, WordLba48Count + 2) << 32 | (ulong)Word(data, WordLba48Count + 3) << 48;
        if (sectors == 0)
            return Refused("no sectors", out refusal);
        int sectorSize = LogicalSectorSize(data);
        if (sectorSize == 0)
            return Refused("unsupported logical sector size", out refusal);
        bool writeCache = (Word(data, WordCommandSets1) & Sets1WriteCache) != 0 && (Word(data, WordCommandSetsEnabled1) & Sets1WriteCache) != 0;
        return new IdentifyData(sectors, sectorSize, ReadModel(data), (sets2 & Sets2FlushExt) != 0, writeCache);
    }

    // 512 unless word 106 says the logical sector is longer; then words 117-118 give it in
    // 16-bit words. Only powers of two from 512 to 64 KiB are accepted (0 otherwise).
    private static int LogicalSectorSize(ReadOnlySpan<byte> data)
    {
        ushort sizes = Word(data, WordSectorSizes);
        if ((sizes & ValidMask) != Valid || (sizes & SizesLongLogical) == 0)
            return 512;
        ulong words = Word(data, WordLogicalSectorSize) | (ulong)Word(data, WordLogicalSectorSize + 1) << 16;
        ulong bytes = words * 2;
        return bytes >= 512 && bytes <= 65536 && (bytes & (bytes - 1)) == 0 ? (int)bytes : 0;
    }

    private static string ReadModel(ReadOnlySpan<byte> data)
    {
        var characters = new char[ModelWords * 2];
        int length = 0;
        for (int i = 0; i < ModelWords; i++)
        {
            ushort word = Word(data, WordModel + i);
            characters[length++] = Printable((byte)(word >> 8));
            characters[length++] = Printable((byte)word);
        }
        // Padded with spaces to 40 characters.
        while (length > 0 && characters[length - 1] == ' ')
            length--;
        return new string(characters, 0, length);
    }

    private static char Printable(byte value) => value >= 0x20 && value < 0x7F ? (char)value : ' ';

    private static ushort Word(ReadOnlySpan<byte> data, int index) => (ushort)(data[index * 2] | data[index * 2 + 1] << 8);

    private static IdentifyData? Refused(string reason, out string refusal)
    {
        refusal = reason;
        return null;
    }
}
