using Internal.Runtime.Unwinding;

namespace Internal.Runtime.Exceptions;

// The frames an exception passes through, from the frame that threw outwards, as the
// dispatcher sees them: each with its registers, its method's EH clauses and the pc's offset
// in the method. Leaving a funclet jumps to the frame of the method it belongs to, as the
// funclet call recorded it, and hides the clauses up to the one that was running there (a
// handler's own exception is not caught by its own try). Leaving a filter ends the walk
// instead: as in .NET, an exception escaping a filter only makes the filter reject, so it
// goes no further than the filter call (Context is then that call's continuation). The
// walk also ends at the first code without call frame information: the thread's start or
// the boot stub.
internal unsafe struct ManagedFrameIterator
{
    private readonly FrameTable _table;
    private bool _started;

    internal RegisterContext Context;
    internal UnwindBlock Block;
    // The pc as an offset from the method's start, for comparing with clause ranges.
    internal uint Offset;
    // Clauses up to this index (and those sharing its try) were already running; -1: none.
    internal int SkipThrough;
    // Counts frames from the throw: the two passes of a dispatch see the same sequence.
    internal int Ordinal;
    // The walk ended by leaving a filter funclet.
    internal bool LeftFilter;

    internal ManagedFrameIterator(FrameTable table, RegisterContext throwSite)
    {
        _table = table;
        _started = false;
        Context = throwSite;
        Block = default;
        Offset = 0;
        SkipThrough = -1;
        Ordinal = -1;
        LeftFilter = false;
    }

    internal bool MoveNext()
    {
        if (_started)
        {
            if (!FrameUnwinder.TryStep(in _table, ref Context, pcIsReturnAddress: true))
                return false;
            SkipThrough = -1;
            FuncletRecord* record = FuncletRecord.At(Context.Rip, Context.Rsp);
            if (record != null && record->IsFilter != 0)
            {
                LeftFilter = true;
                return false;
            }
            if (record != null)
            {
                Context = *record->Frame;
                SkipThrough = record->ClauseIndex;
            }
        }
        _started = true;
        Ordinal++;
        // Every context here holds a return address (a fault's is made to look like one).
        ulong pc = Context.Rip - 1;
        if (!_table.TryFind(pc, out FrameDescription frame))
            return false;
        Block = UnwindBlock.Read(frame.Lsda, frame.CodeStart);
        Offset = (uint)(pc - Block.MethodStart);
        return true;
    }
}
