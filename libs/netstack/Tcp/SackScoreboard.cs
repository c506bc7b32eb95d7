namespace Uk.Net.Tcp;

// The sender's record of what the peer selectively acknowledged (RFC 2018 blocks): disjoint,
// sorted byte ranges as offsets from the oldest unacknowledged byte. Recovery retransmits only
// the holes between them. A block that finds no free slot is forgotten, which costs only a
// needless retransmission; the record is cleared on a timeout, since a receiver may discard
// what it selectively acknowledged (RFC 2018 8).
public sealed class SackScoreboard
{
    private readonly int[] _starts;
    private readonly int[] _ends;
    private int _count;

    public SackScoreboard(int capacity)
    {
        _starts = new int[capacity];
        _ends = new int[capacity];
    }

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    // Where the highest selectively acknowledged range ends (0 when there is none).
    public int HighestEnd => _count == 0 ? 0 : _ends[_count - 1];

    // Bytes selectively acknowledged.
    public int SackedBytes
    {
        get
        {
            int total = 0;
            for (int i = 0; i < _count; i++)
                total += _ends[i] - _starts[i];
            return total;
        }
    }

    public void Clear() => _count = 0;

    // Records [start, end), merging with what it touches.
    public void Add(int start, int end)
    {
        if (start >= end)
            return;
        int i = 0;
        while (i < _count && _ends[i] < start)
            i++;
        if (i < _count && _starts[i] <= end)
        {
            if (start < _starts[i])
                _starts[i] = start;
            if (end > _ends[i])
                _ends[i] = end;
            int j = i + 1;
            while (j < _count && _starts[j] <= _ends[i])
            {
                if (_ends[j] > _ends[i])
                    _ends[i] = _ends[j];
                j++;
            }
            Remove(i + 1, j - i - 1);
            return;
        }
        if (_count == _starts.Length)
            return;
        for (int k = _count; k > i; k--)
        {
            _starts[k] = _starts[k - 1];
            _ends[k] = _ends[k - 1];
        }
        _starts[i] = start;
        _ends[i] = end;
        _count++;
    }

    // The oldest unacknowledged byte moved forward by acknowledged bytes: rebase, dropping
    // what the cumulative ACK now covers.
    public void Acknowledge(int acknowledged)
    {
        int drop = 0;
        for (int i = 0; i < _count; i++)
        {
            _starts[i] -= acknowledged;
            _ends[i] -= acknowledged;
            if (_ends[i] <= 0)
                drop++;
            else if (_starts[i] < 0)
                _starts[i] = 0;
        }
        Remove(0, drop);
    }

    // The first byte at or after from that is not selectively acknowledged and lies below the
    // highest range (a hole the peer reported around), with the hole's length; false when
    // there is none.
    public bool NextHole(int from, out int start, out int length)
    {
        int position = from < 0 ? 0 : from;
        for (int i = 0; i < _count; i++)
        {
            if (_ends[i] <= position)
                continue;
            if (_starts[i] > position)
            {
                start = position;
                length = _starts[i] - position;
                return true;
            }
            position = _ends[i];
        }
        start = 0;
        length = 0;
        return false;
    }

    // Bytes of the holes at or after from (below the highest range).
    public int HoleBytesFrom(int from)
    {
        int total = 0;
        int position = from < 0 ? 0 : from;
        for (int i = 0; i < _count; i++)
        {
            if (_ends[i] <= position)
                continue;
            if (_starts[i] > position)
                total += _starts[i] - position;
            position = _ends[i];
        }
        return total;
    }

    public bool Contains(int offset)
    {
        for (int i = 0; i < _count; i++)
        {
            if (offset >= _starts[i] && offset < _ends[i])
                return true;
        }
        return false;
    }

    private void Remove(int index, int howMany)
    {
        if (howMany <= 0)
            return;
        for (int k = index; k + howMany < _count; k++)
        {
            _starts[k] = _starts[k + howMany];
            _ends[k] = _ends[k + howMany];
        }
        _count -= howMany;
    }
}
