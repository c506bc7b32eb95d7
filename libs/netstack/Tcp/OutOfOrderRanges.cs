namespace Uk.Net.Tcp;

// Which byte ranges past the next expected sequence number already sit in the receive ring,
// as offsets from that number. A handful of disjoint ranges, kept sorted; a segment that would
// need more is dropped (the sender retransmits it).
public sealed class OutOfOrderRanges
{
    private readonly int[] _starts;
    private readonly int[] _ends;
    private int _count;

    public OutOfOrderRanges(int capacity)
    {
        _starts = new int[capacity];
        _ends = new int[capacity];
    }

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    // Range i's bounds, as offsets from the next expected sequence number (sorted by start).
    public int Start(int i) => _starts[i];

    public int End(int i) => _ends[i];

    // The range holding offset, or -1.
    public int IndexOf(int offset)
    {
        for (int i = 0; i < _count; i++)
        {
            if (offset >= _starts[i] && offset < _ends[i])
                return i;
        }
        return -1;
    }

    // Records [start, end); merges with neighbours. False when no slot is left.
    public bool Add(int start, int end)
    {
        int i = 0;
        while (i < _count && _ends[i] < start)
            i++;
        if (i < _count && _starts[i] <= end)
        {
            // Overlaps or touches range i: grow it and swallow the ranges it now reaches.
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
            return true;
        }
        if (_count == _starts.Length)
            return false;
        for (int k = _count; k > i; k--)
        {
            _starts[k] = _starts[k - 1];
            _ends[k] = _ends[k - 1];
        }
        _starts[i] = start;
        _ends[i] = end;
        _count++;
        return true;
    }

    // The expected number moved forward by advanced bytes: rebase every range, and return how
    // many further bytes are now contiguous (the range that starts at or before the new front).
    public int Advance(int advanced)
    {
        for (int i = 0; i < _count; i++)
        {
            _starts[i] -= advanced;
            _ends[i] -= advanced;
        }
        int contiguous = 0;
        int drop = 0;
        while (drop < _count && _starts[drop] <= 0)
        {
            if (_ends[drop] > contiguous)
                contiguous = _ends[drop];
            drop++;
        }
        Remove(0, drop);
        if (contiguous > 0)
        {
            for (int i = 0; i < _count; i++)
            {
                _starts[i] -= contiguous;
                _ends[i] -= contiguous;
            }
        }
        return contiguous;
    }

    public void Clear() => _count = 0;

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
