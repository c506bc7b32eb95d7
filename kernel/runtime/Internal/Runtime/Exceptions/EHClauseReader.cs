namespace Internal.Runtime.Exceptions;

// Walks the EH clauses ILC encodes for a method, innermost first: a count, then per clause
// the try start, (try length << 2 | kind), the handler offset and, by kind, a relative
// pointer to the caught type or the filter's offset. Numbers use the NativeAOT compressed
// form: the count of low one-bits in the first byte says how many bytes follow.
internal unsafe struct EHClauseReader
{
    private byte* _position;
    private uint _remaining;

    internal EHClauseReader(byte* ehInfo)
    {
        _position = ehInfo;
        _remaining = ehInfo == null ? 0 : ReadCompressed(ref _position);
    }

    internal readonly uint Remaining => _remaining;

    internal bool TryNext(out EHClause clause)
    {
        clause = default;
        if (_remaining == 0)
            return false;
        _remaining--;
        clause.TryStart = ReadCompressed(ref _position);
        uint lengthAndKind = ReadCompressed(ref _position);
        clause.Kind = (EHClauseKind)(lengthAndKind & 3);
        clause.TryEnd = clause.TryStart + (lengthAndKind >> 2);
        clause.HandlerOffset = ReadCompressed(ref _position);
        switch (clause.Kind)
        {
            case EHClauseKind.Typed:
                int relative = *(int*)_position;
                clause.Type = _position + relative;
                _position += 4;
                break;
            case EHClauseKind.Filter:
                clause.FilterOffset = ReadCompressed(ref _position);
                break;
        }
        return true;
    }

    internal static uint ReadCompressed(ref byte* position)
    {
        uint first = *position;
        uint value;
        if ((first & 1) == 0)
        {
            value = first >> 1;
            position += 1;
        }
        else if ((first & 2) == 0)
        {
            value = (first >> 2) | ((uint)position[1] << 6);
            position += 2;
        }
        else if ((first & 4) == 0)
        {
            value = (first >> 3) | ((uint)position[1] << 5) | ((uint)position[2] << 13);
            position += 3;
        }
        else if ((first & 8) == 0)
        {
            value = (first >> 4) | ((uint)position[1] << 4) | ((uint)position[2] << 12) | ((uint)position[3] << 20);
            position += 4;
        }
        else
        {
            value = *(uint*)(position + 1);
            position += 5;
        }
        return value;
    }
}
