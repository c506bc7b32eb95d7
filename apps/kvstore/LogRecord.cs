using System;
using Uk.Vfs;

namespace KvStore;

// One change in the log: "KV", an operation (1 put, 2 delete), key and value lengths, the
// CRC-32 of the operation, the lengths, the key and the value, then the key and value in
// UTF-8. A place that is not a whole record with a good CRC is damage when a valid record
// follows somewhere after it (replay resynchronises there), else the end of the log: zeros
// (never written) or a record a power cut tore. A value that itself holds the bytes of an
// encoded record could be taken for one while resynchronising; the console only passes
// printable text, which cannot spell a record's binary header.
internal static class LogRecord
{
    public const int HeaderBytes = 12;
    public const byte Put = 1;
    public const byte Delete = 2;
    public const int MaxKeyBytes = 255;
    public const int MaxValueBytes = 4096;

    public static byte[] Encode(byte operation, string key, string value)
    {
        byte[] keyBytes = Utf8Text.Encode(key);
        byte[] valueBytes = Utf8Text.Encode(value);
        byte[] record = new byte[HeaderBytes + keyBytes.Length + valueBytes.Length];
        record[0] = (byte)'K';
        record[1] = (byte)'V';
        record[2] = operation;
        record[3] = 0;
        record[4] = (byte)keyBytes.Length;
        record[5] = (byte)(keyBytes.Length >> 8);
        record[6] = (byte)valueBytes.Length;
        record[7] = (byte)(valueBytes.Length >> 8);
        new ReadOnlySpan<byte>(keyBytes).CopyTo(new Span<byte>(record, HeaderBytes, keyBytes.Length));
        new ReadOnlySpan<byte>(valueBytes).CopyTo(new Span<byte>(record, HeaderBytes + keyBytes.Length, valueBytes.Length));
        uint crc = Checksum(record);
        record[8] = (byte)crc;
        record[9] = (byte)(crc >> 8);
        record[10] = (byte)(crc >> 16);
        record[11] = (byte)(crc >> 24);
        return record;
    }

    // The record at offset: its length, or 0 when there is none (end of log or torn).
    public static int TryDecode(ReadOnlySpan<byte> log, int offset, out byte operation, out string key, out string value)
    {
        operation = 0;
        key = "";
        value = "";
        if (log.Length - offset < HeaderBytes || log[offset] != 'K' || log[offset + 1] != 'V')
            return 0;
        ReadOnlySpan<byte> header = log.Slice(offset, HeaderBytes);
        int keyLength = header[4] | (header[5] << 8);
        int valueLength = header[6] | (header[7] << 8);
        int length = HeaderBytes + keyLength + valueLength;
        if (keyLength == 0 || keyLength > MaxKeyBytes || valueLength > MaxValueBytes || log.Length - offset < length)
            return 0;
        ReadOnlySpan<byte> record = log.Slice(offset, length);
        uint stored = (uint)(header[8] | (header[9] << 8) | (header[10] << 16) | (header[11] << 24));
        if (stored != Checksum(record) || (header[2] != Put && header[2] != Delete))
            return 0;
        operation = header[2];
        key = Utf8Text.Decode(record.Slice(HeaderBytes, keyLength));
        value = Utf8Text.Decode(record.Slice(HeaderBytes + keyLength, valueLength));
        return length;
    }

    // The first offset in [from, end) where a valid record starts, or -1: where replay
    // picks up again after damage.
    public static int FindNext(ReadOnlySpan<byte> log, int from, int end)
    {
        ReadOnlySpan<byte> scanned = log.Slice(0, end);
        for (int offset = from; offset + HeaderBytes <= end; offset++)
        {
            if (scanned[offset] == 'K' && scanned[offset + 1] == 'V' && TryDecode(scanned, offset, out _, out _, out _) > 0)
                return offset;
        }
        return -1;
    }

    private static uint Checksum(ReadOnlySpan<byte> record)
    {
        // Operation, lengths, key and value: everything but the magic and the CRC field itself.
        uint crc = Crc32.Update(Crc32.Start, record.Slice(2, 6));
        return Crc32.Finish(Crc32.Update(crc, record.Slice(HeaderBytes)));
    }
}
