using System;
using Uk.Net;
using Uk.Net.Tcp;

// One connection's application side: sends a seeded pseudo-random stream of Total bytes, then
// FIN, and reads everything the peer sends until end of stream, hashing both (FNV-1a 64) so
// the two ends can be compared.
internal sealed class StreamEnd
{
    private const ulong FnvOffset = 0xcbf29ce484222325UL;
    private const ulong FnvPrime = 0x100000001b3UL;

    private readonly Random64 _generator;
    private readonly byte[] _chunk = new byte[4096];
    private readonly byte[] _inbox = new byte[8192];
    private int _chunkOffset = 4096;
    private bool _closed;

    public StreamEnd(TcpConnection connection, ulong seed, long total)
    {
        Connection = connection;
        _generator = new Random64(seed);
        Total = total;
    }

    public TcpConnection Connection { get; }

    public long Total { get; }

    public long SentBytes { get; private set; }

    public long ReceivedBytes { get; private set; }

    public ulong SentHash { get; private set; } = FnvOffset;

    public ulong ReceivedHash { get; private set; } = FnvOffset;

    public bool EndOfStream { get; private set; }

    public void Pump(long now)
    {
        while (SentBytes < Total)
        {
            if (_chunkOffset == _chunk.Length)
                Refill();
            int length = (int)Math.Min(_chunk.Length - _chunkOffset, Total - SentBytes);
            int accepted = Connection.Send(_chunk.AsSpan(_chunkOffset, length), now);
            if (accepted == 0)
                break;
            SentHash = Hash(SentHash, _chunk.AsSpan(_chunkOffset, accepted));
            _chunkOffset += accepted;
            SentBytes += accepted;
        }
        if (SentBytes == Total && !_closed)
        {
            _closed = true;
            Connection.Close(now);
        }
        while (true)
        {
            int read = Connection.Receive(_inbox, now);
            if (read == 0)
            {
                if (Connection.RemoteClosed)
                    EndOfStream = true;
                break;
            }
            ReceivedHash = Hash(ReceivedHash, _inbox.AsSpan(0, read));
            ReceivedBytes += read;
        }
    }

    private void Refill()
    {
        for (int i = 0; i < _chunk.Length; i += 8)
        {
            ulong value = _generator.Next();
            for (int b = 0; b < 8; b++)
                _chunk[i + b] = (byte)(value >> (8 * b));
        }
        _chunkOffset = 0;
    }

    private static ulong Hash(ulong hash, ReadOnlySpan<byte> data)
    {
        for (int i = 0; i < data.Length; i++)
            hash = (hash ^ data[i]) * FnvPrime;
        return hash;
    }
}
