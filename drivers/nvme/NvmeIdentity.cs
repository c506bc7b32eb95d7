using System;

namespace Uk.Drivers.Nvme;

// What Identify Controller and Identify Namespace (NVMe 1.4, figures 247 and 245) tell the
// driver: names for the log, the largest transfer, whether a volatile write cache is there,
// and namespace 1's size, sector size (its current LBA format) and write protection.
public sealed class NvmeIdentity
{
    public const int Bytes = 4096;
    private const int SerialOffset = 4;
    private const int SerialLength = 20;
    private const int ModelOffset = 24;
    private const int ModelLength = 40;
    private const int TransferSizeOffset = 77;
    private const int WriteCacheOffset = 525;
    private const int SizeOffset = 0;
    private const int FormatCountOffset = 25;
    private const int FormattedSizeOffset = 26;
    private const int AttributesOffset = 99;
    private const int FormatsOffset = 128;
    private const int FormatBytes = 4;
    private const int FormatIndexMask = 0xF;
    private const int ExtendedMetadata = 1 << 4;
    private const int MinimumDataShift = 9;
    private const int MaximumDataShift = 12;

    private NvmeIdentity(string model, string serial, long maximumTransferBytes, bool writeCache, ulong sectorCount, int sectorSize, bool readOnly)
    {
        Model = model;
        Serial = serial;
        MaximumTransferBytes = maximumTransferBytes;
        HasWriteCache = writeCache;
        SectorCount = sectorCount;
        SectorSize = sectorSize;
        IsReadOnly = readOnly;
    }

    public string Model { get; }

    public string Serial { get; }

    // 0 when the controller sets no limit (MDTS 0).
    public long MaximumTransferBytes { get; }

    public bool HasWriteCache { get; }

    public ulong SectorCount { get; }

    public int SectorSize { get; }

    public bool IsReadOnly { get; }

    // Null, with the reason, for a namespace the driver cannot use: not active (size 0),
    // sectors under 512 or over 4096 bytes, or metadata interleaved with the data.
    public static NvmeIdentity? Parse(ReadOnlySpan<byte> controller, ReadOnlySpan<byte> ns, out string refusal)
    {
        ulong sectors = (ulong)Dword(ns, SizeOffset + 4) << 32 | Dword(ns, SizeOffset);
        if (sectors == 0)
        {
            refusal = "namespace 1 is not active";
            return null;
        }
        int formats = ns[FormatCountOffset] + 1;
        int format = ns[FormattedSizeOffset] & FormatIndexMask;
        if (format >= formats)
        {
            refusal = "namespace 1 uses LBA format " + format.ToString() + " of " + formats.ToString();
            return null;
        }
        uint descriptor = Dword(ns, FormatsOffset + format * FormatBytes);
        int metadata = (int)(descriptor & 0xFFFF);
        int dataShift = (int)((descriptor >> 16) & 0xFF);
        if (dataShift < MinimumDataShift || dataShift > MaximumDataShift)
        {
            refusal = "namespace 1 has sectors of 2^" + dataShift.ToString() + " bytes";
            return null;
        }
        if (metadata != 0 && (ns[FormattedSizeOffset] & ExtendedMetadata) != 0)
        {
            refusal = "namespace 1 interleaves " + metadata.ToString() + " bytes of metadata with each sector";
            return null;
        }
        int transferShift = controller[TransferSizeOffset];
        long maximum = transferShift == 0 ? 0 : (long)NvmeProtocol.PageSize << Math.Min(transferShift, 20);
        refusal = "";
        return new NvmeIdentity(Text(controller.Slice(ModelOffset, ModelLength)), Text(controller.Slice(SerialOffset, SerialLength)), maximum,
            (controller[WriteCacheOffset] & 1) != 0, sectors, 1 << dataShift, (ns[AttributesOffset] & 1) != 0);
    }

    // The minimal corlib has no BinaryPrimitives; identify data is little-endian.
    private static uint Dword(ReadOnlySpan<byte> data, int offset) =>
        data[offset] | (uint)data[offset + 1] << 8 | (uint)data[offset + 2] << 16 | (uint)data[offset + 3] << 24;

    // ASCII, padded with spaces.
    private static string Text(ReadOnlySpan<byte> field)
    {
        int length = field.Length;
        while (length > 0 && (field[length - 1] == ' ' || field[length - 1] == 0))
            length--;
        var chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = field[i] >= 0x20 && field[i] < 0x7F ? (char)field[i] : '?';
        return new string(chars);
    }
}
