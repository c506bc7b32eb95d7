using System.Text;

namespace Unikraft.Boot.Tests;

// What the kvstore boot tests share: the disk attached as the guest's vda, a boot that dumps
// the store, and the log format of apps/kvstore/LogRecord.cs read independently of the
// guest's code: "KV", operation, 0, key length, value length (16-bit LE), CRC-32 (of bytes
// 2..7 and the key and value), key, value.
internal static class KvStoreGuest
{
    public const int HeaderBytes = 12;

    // iopsLimit: QEMU throttles the disk to that many requests a second (a slow disk).
    public static string[] Disk(string image, bool readOnly = false, int iopsLimit = 0) =>
        ["-drive", "file=" + image + ",if=none,id=d0,format=raw" + (readOnly ? ",readonly=on" : "") + (iopsLimit > 0 ? ",throttling.iops-total=" + iopsLimit : ""),
         "-device", "virtio-blk-pci,drive=d0"];

    public static HostProcessResult Run(string arguments, string image, bool readOnly = false) =>
        Qemu.BootElfWith(Images.KvStore.Elf, "-- " + arguments, Disk(image, readOnly), memoryMiB: 64);

    public sealed record Record(int Offset, int Length, bool IsPut, string Key, string Value);

    // Every valid record in order, resynchronising after damage the way the guest must
    // (at the next offset where a whole record with a good CRC starts).
    public static List<Record> ReadRecords(byte[] log)
    {
        var records = new List<Record>();
        int offset = 0;
        while (offset + HeaderBytes <= log.Length)
        {
            Record? record = TryDecode(log, offset);
            if (record is null)
            {
                offset++;
                continue;
            }
            records.Add(record);
            offset += record.Length;
        }
        return records;
    }

    public static Dictionary<string, string> ReadLog(byte[] log)
    {
        var index = new Dictionary<string, string>();
        foreach (Record record in ReadRecords(log))
        {
            if (record.IsPut)
                index[record.Key] = record.Value;
            else
                index.Remove(record.Key);
        }
        return index;
    }

    private static Record? TryDecode(byte[] log, int offset)
    {
        if (log[offset] != 'K' || log[offset + 1] != 'V' || log[offset + 2] is not (1 or 2))
            return null;
        int keyLength = BitConverter.ToUInt16(log, offset + 4);
        int valueLength = BitConverter.ToUInt16(log, offset + 6);
        int length = HeaderBytes + keyLength + valueLength;
        if (keyLength == 0 || offset + length > log.Length)
            return null;
        byte[] covered = [.. log.AsSpan(offset + 2, 6), .. log.AsSpan(offset + HeaderBytes, keyLength + valueLength)];
        if (BitConverter.ToUInt32(log, offset + 8) != Crc32(covered))
            return null;
        return new Record(offset, length, log[offset + 2] == 1,
            Encoding.UTF8.GetString(log, offset + HeaderBytes, keyLength),
            Encoding.UTF8.GetString(log, offset + HeaderBytes + keyLength, valueLength));
    }

    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
