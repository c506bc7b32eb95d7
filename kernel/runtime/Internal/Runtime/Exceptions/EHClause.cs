namespace Internal.Runtime.Exceptions;

internal enum EHClauseKind : byte
{
    // catch (T): Type says which exceptions it takes.
    Typed = 0,
    // finally or fault: runs while the exception passes, takes none.
    Fault = 1,
    // catch ... when: the filter funclet decides.
    Filter = 2,
}

// One protected region of a method and its handler; offsets count from the method's start.
internal unsafe struct EHClause
{
    internal EHClauseKind Kind;
    internal uint TryStart;
    internal uint TryEnd;
    internal uint HandlerOffset;
    internal uint FilterOffset;
    // The caught type's MethodTable, for Typed clauses.
    internal void* Type;

    internal readonly bool Covers(uint offset) => offset >= TryStart && offset < TryEnd;

    internal readonly bool SameTryAs(in EHClause other) => TryStart == other.TryStart && TryEnd == other.TryEnd;
}
