namespace KvStore;

// A stretch of the log that holds no valid record but has valid records after it: a damaged
// record (a flipped bit, a scribbled sector), skipped at load and reported.
internal readonly struct LogDamage
{
    public LogDamage(long offset, long length)
    {
        Offset = offset;
        Length = length;
    }

    public long Offset { get; }

    public long Length { get; }
}
