using System;
using System.Collections.Generic;
using Uk.Vfs;

namespace KvStore;

// The store on disk: one log file, grown in steps of GrowBytes written as zeros ahead of use,
// so an append normally rewrites sectors of an existing file and changes no FAT metadata.
// Loading replays the log into the index; a torn record at the end (a power cut during an
// append that never reported "flushed") is dropped and zeroed so later appends start clean.
internal sealed class KeyValueLog
{
    private const int GrowBytes = 256 * 1024;
    private readonly VfsFile _file;
    private long _tail;

    private KeyValueLog(VfsFile file) => _file = file;

    public Dictionary<string, string> Index { get; } = new Dictionary<string, string>();

    public long Tail => _tail;

    public int RecordsLoaded { get; private set; }

    public long DroppedBytes { get; private set; }

    public static FsError Open(string path, out KeyValueLog? log)
    {
        log = null;
        FsError error = Vfs.Current.Open(path, OpenMode.ReadWrite | OpenMode.Create, out VfsFile? file);
        if (error != FsError.None)
            return error;
        var opened = new KeyValueLog(file!);
        error = opened.Load();
        if (error != FsError.None)
        {
            file!.Close();
            return error;
        }
        log = opened;
        return FsError.None;
    }

    public FsError Put(string key, string value) => Append(LogRecord.Encode(LogRecord.Put, key, value));

    public FsError Delete(string key) => Append(LogRecord.Encode(LogRecord.Delete, key, ""));

    public FsError Close() => _file.Close();

    // Returns once the record is on the disk (written and flushed).
    private FsError Append(byte[] record)
    {
        if (_tail + record.Length > _file.Length)
        {
            FsError grown = _file.SetLength(_file.Length + GrowBytes);
            if (grown != FsError.None)
                return grown;
        }
        FsError error = _file.Seek(_tail, 0, out _);
        if (error == FsError.None)
            error = _file.Write(record);
        if (error == FsError.None)
            error = _file.Flush();
        if (error != FsError.None)
            return error;
        _tail += record.Length;
        Apply(record, 0);
        return FsError.None;
    }

    private FsError Load()
    {
        long length = _file.Length;
        byte[] bytes = new byte[(int)length];
        int total = 0;
        while (total < bytes.Length)
        {
            FsError error = _file.Read(new Span<byte>(bytes, total, bytes.Length - total), out int count);
            if (error != FsError.None)
                return error;
            if (count == 0)
                break;
            total += count;
        }
        int offset = 0;
        while (true)
        {
            int recordLength = Apply(bytes, offset);
            if (recordLength == 0)
                break;
            offset += recordLength;
            RecordsLoaded++;
        }
        _tail = offset;
        // Anything but zeros after the last good record is a torn append (a tear may start
        // with zeros too): clear as much as the largest record could have covered, so that
        // what the next appends leave after themselves is never read as more log.
        int limit = offset + LogRecord.HeaderBytes + LogRecord.MaxKeyBytes + LogRecord.MaxValueBytes;
        if (limit > total)
            limit = total;
        bool torn = false;
        for (int i = offset; i < limit && !torn; i++)
            torn = bytes[i] != 0;
        if (torn)
        {
            DroppedBytes = limit - offset;
            FsError error = _file.Seek(offset, 0, out _);
            if (error == FsError.None)
                error = _file.Write(new byte[limit - offset]);
            if (error == FsError.None)
                error = _file.Flush();
            if (error != FsError.None)
                return error;
        }
        return FsError.None;
    }

    private int Apply(byte[] bytes, int offset)
    {
        int length = LogRecord.TryDecode(bytes, offset, out byte operation, out string key, out string value);
        if (length == 0)
            return 0;
        if (operation == LogRecord.Put)
            Index[key] = value;
        else
            Index.Remove(key);
        return length;
    }
}
