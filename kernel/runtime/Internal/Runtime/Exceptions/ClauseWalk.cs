namespace Internal.Runtime.Exceptions;

// The clauses of one frame whose try covers its pc, innermost first, without those a
// running funclet has already passed: the clause at skipThrough and everything before it,
// plus the following clauses of the same try (the other catches of a try whose catch is
// running do not take an exception thrown from it). ILC puts a marker clause between two
// different trys that share a range, so sharing means the same try.
internal unsafe struct ClauseWalk
{
    private EHClauseReader _reader;
    private readonly int _skipThrough;
    private readonly uint _offset;
    private int _index;
    private EHClause _skipped;
    private bool _skippingSameTry;

    internal ClauseWalk(byte* ehInfo, int skipThrough, uint offset)
    {
        _reader = new EHClauseReader(ehInfo);
        _skipThrough = skipThrough;
        _offset = offset;
        _index = -1;
        _skipped = default;
        _skippingSameTry = skipThrough >= 0;
    }

    internal bool TryNext(out EHClause clause, out int index)
    {
        while (_reader.TryNext(out clause))
        {
            index = ++_index;
            if (index <= _skipThrough)
            {
                _skipped = clause;
                continue;
            }
            if (_skippingSameTry && clause.SameTryAs(_skipped))
                continue;
            _skippingSameTry = false;
            if (clause.Covers(_offset))
                return true;
        }
        index = -1;
        return false;
    }
}
