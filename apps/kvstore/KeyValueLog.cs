using System;
using System.Collections.Generic;
using Uk.Vfs;

namespace KvStore;

// The store on disk: one log file, grown in steps of GrowBytes written as zeros ahead of use,
// so an append normally rewrites sectors of an existing file and changes no FAT metadata.
// Loading replays the log into the index. A damaged record costs only itself: replay
// resynchronises on the next valid record and reports the bytes it skipped, never touching
// them (a scribbled sector in the middle must not cost the records after it). Only bytes
// after the last valid record (a power cut during an append that never reported "flushed")
// are zeroed, so that later appends start clean and what they leave after themselves is
// never read as more log. On a read-only disk nothing is written at all.
internal sealed class KeyValueLog
{
    private const int GrowBytes = 256 * 1024;
    // Null for a read-only disk without a log yet: an empty store that can only be read.
    private readonly VfsFile? _file;
    private readonly List<LogDamage> _damage = new List<LogDamage>();
    private long _tail;

    private KeyValueLog(VfsFile? file, bool isReadOnly)
    {
        _file = file;
        IsReadOnly = isReadOnly;
    }

    public Dictionary<string, string> Index { get; } = new Dictionary<string, string>();

    public long Tail => _tail;

    public int RecordsLoaded { get; private set; }

    // Damaged stretches between valid records, skipped at load and left on the disk as they are.
    public List<LogDamage> Damage => _damage;

    // Bytes after the last valid record that were not zeros (a torn append).
    public long DroppedBytes { get; private set; }

    public bool IsReadOnly { get; }

    // Opens for appending, or read-only when the disk (or the file) cannot be written.
    public static FsError Open(string path, out KeyValueLog? log)
    {
        log = null;
        bool isReadOnly = false;
        FsError error = Vfs.Current.Open(path, OpenMode.ReadWrite | OpenMode.Create, out VfsFile? file);
        if (error == FsError.ReadOnly)
        {
            isReadOnly = true;
            error = Vfs.Current.Open(path, OpenMode.Read, out file);
            if (error == FsError.NotFound)
            {
                log = new KeyValueLog(null, isReadOnly: true);
                return FsError.None;
            }
        }
        if (error != FsError.None)
            return error;
        var opened = new KeyValueLog(file!, isReadOnly);
        error = opened.Load(file!);
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

    public FsError Close() => _file is null ? FsError.None : _file.Close();

    // Returns once the record is on the disk (written and flushed).
    private FsError Append(byte[] record)
    {
        if (IsReadOnly || _file is null)
            return FsError.ReadOnly;
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

    private FsError Load(VfsFile file)
    {
        FsError error = ReadAll(file, out byte[] bytes, out int total);
        if (error != FsError.None)
            return error;
        int offset = 0;
        int end = 0;
        while (offset < total)
        {
            int recordLength = Apply(bytes, offset);
            if (recordLength > 0)
            {
                offset += recordLength;
                end = offset;
                RecordsLoaded++;
                continue;
            }
            int next = LogRecord.FindNext(bytes, offset + 1, total);
            if (next < 0)
                break;
            _damage.Add(new LogDamage(offset, next - offset));
            offset = next;
        }
        _tail = end;
        int junkEnd = total;
        while (junkEnd > end && bytes[junkEnd - 1] == 0)
            junkEnd--;
        DroppedBytes = junkEnd - end;
        if (DroppedBytes == 0 || IsReadOnly)
            return FsError.None;
        error = file.Seek(end, 0, out _);
        if (error == FsError.None)
            error = file.Write(new byte[junkEnd - end]);
        if (error == FsError.None)
            error = file.Flush();
        return error;
    }

    private static FsError ReadAll(VfsFile file, out byte[] bytes, out int total)
    {
        bytes = new byte[(int)file.Length];
        total = 0;
        while (total < bytes.Length)
        {
            FsError error = file.Read(new Span<byte>(bytes, total, bytes.Length - total), out int count);
            if (error != FsError.None)
                return error;
            if (count == 0)
                break;
            total += count;
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
