using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime.Exceptions;
using Internal.Runtime.Unwinding;

namespace Internal.Runtime;

// Two-pass exception dispatch, as in .NET. Pass one walks out from the frame that threw
// and asks each enclosing clause whether it takes the exception: a catch by type, or a
// filter (`when`), which runs here, before anything is unwound (an exception escaping a
// filter makes it reject). Pass two walks the same frames again, runs the finally and
// fault handlers of everything between the throw and the chosen catch, innermost first,
// then calls the catch and resumes its method after it. All state lives on the throwing
// thread's own stack, so threads dispatch independently and an interrupt or a thread
// switch in the middle changes nothing. An exception that no clause takes ends in the
// kernel panic, traced from the throw.
[System.Runtime.CompilerServices.EagerStaticClassConstruction]
internal static unsafe class ExceptionDispatch
{
    // `new` cannot build an exception when the heap is what failed.
    private static readonly OutOfMemoryException s_outOfMemory = new OutOfMemoryException();

    // Null only if a `new` fails before the image's statics are set up.
    internal static OutOfMemoryException? PreallocatedOutOfMemory => s_outOfMemory;

    // `throw`, and faults in managed code the platform raises as exceptions.
    [RuntimeExport("uk_dispatch_throw")]
    private static void DispatchThrow(object? exception, RegisterContext* site) =>
        // `throw null` throws a NullReferenceException, as in the CLR.
        Dispatch(exception ?? new NullReferenceException(), site, rethrow: false);

    // Makes the exception for a CPU fault the platform raises (vector, error code, fault
    // address, faulting rip).
    private static delegate*<ulong, ulong, ulong, ulong, Exception> s_hardwareFault;

    internal static void InstallHardwareFaults(delegate*<ulong, ulong, ulong, ulong, Exception> make) => s_hardwareFault = make;

    // A fault in managed code raised as an exception: the trap handler only redirected the
    // thread, so the exception is made here, on the faulting thread's own stack, where a
    // collection its allocation starts finds the thread's frames.
    [RuntimeExport("uk_dispatch_hardware_fault")]
    private static void DispatchHardwareFault(RegisterContext* site, ulong vector, ulong errorCode, ulong faultAddress)
    {
        if (s_hardwareFault == null)
            RuntimeFailure.Fail("a fault was raised as an exception before the platform installed its handler", null);
        // The context's rip is the faulting instruction + 1 (see uk_throw_hardware_fault).
        Dispatch(s_hardwareFault(vector, errorCode, faultAddress, site->Rip - 1), site, rethrow: false);
    }

    // `throw;` comes from a catch funclet, called by the dispatch that caught the exception:
    // one frame out is that call, and its record names the exception.
    [RuntimeExport("uk_dispatch_rethrow")]
    private static void DispatchRethrow(RegisterContext* site)
    {
        RegisterContext catchFunclet = *site;
        if (ImageFrames.Linked && FrameUnwinder.TryStep(ImageFrames.Table, ref catchFunclet, pcIsReturnAddress: true))
        {
            FuncletRecord* record = FuncletRecord.At(catchFunclet.Rip, catchFunclet.Rsp);
            if (record != null)
                Dispatch(Unsafe.As<nint, object>(ref record->Exception), site, rethrow: true);
        }
        RuntimeFailure.Fail("rethrow outside of a catch block", null);
    }

    private static void Dispatch(object exception, RegisterContext* site, bool rethrow)
    {
        // Without the tables no frame has a clause to find: the throw is the panic.
        if (ImageFrames.Linked)
            DispatchThroughTables(exception, site, rethrow);
        else
            RuntimeFailure.Unhandled(exception, site);
    }

    private static void DispatchThroughTables(object exception, RegisterContext* site, bool rethrow)
    {
        FrameTable table = ImageFrames.Table;
        ThrownFrames passed = default;
        bool found = TryFindCatch(table, exception, *site, ref passed, out int catchFrame, out EHClause catchClause, out int catchIndex, out bool leftFilter);
        if (!found && !leftFilter)
            RuntimeFailure.Unhandled(exception, site);
        // Not for the preallocated OutOfMemoryException: the heap has just said no.
        if (exception is Exception managed && exception != s_outOfMemory)
            managed.StackTraceAddresses = passed.AppendTo(rethrow ? managed.StackTraceAddresses : null);
        UnwindTo(table, exception, *site, found ? catchFrame : -1, catchClause, catchIndex);
    }

    // Pass one. Without a catch, leftFilter says whether the walk ended at a filter call the
    // exception escaped from, which then rejects.
    private static bool TryFindCatch(FrameTable table, object exception, RegisterContext site, ref ThrownFrames passed, out int frameOrdinal, out EHClause found, out int foundIndex, out bool leftFilter)
    {
        ManagedFrameIterator frames = new ManagedFrameIterator(table, site);
        while (frames.MoveNext())
        {
            passed.Add(frames.Context.Rip);
            ClauseWalk clauses = new ClauseWalk(frames.Block.EHInfo, frames.SkipThrough, frames.Offset);
            while (clauses.TryNext(out EHClause clause, out int index))
            {
                if (clause.Kind == EHClauseKind.Fault || !Accepts(exception, clause, ref frames, index))
                    continue;
                frameOrdinal = frames.Ordinal;
                found = clause;
                foundIndex = index;
                leftFilter = false;
                return true;
            }
        }
        frameOrdinal = -1;
        found = default;
        foundIndex = -1;
        leftFilter = frames.LeftFilter;
        return false;
    }

    private static bool Accepts(object exception, in EHClause clause, ref ManagedFrameIterator frame, int index)
    {
        if (clause.Kind == EHClauseKind.Typed)
            return TypeCast.AreTypesAssignable(exception.m_pEEType, (MethodTable*)clause.Type);
        FuncletRecord record = NewRecord(exception, ref frame, index);
        record.IsFilter = 1;
        return FuncletCalls.Filter(exception, frame.Block.MethodStart + clause.FilterOffset, record.Frame, &record);
    }

    // Pass two: the same walk; finally and fault handlers run until the catch's frame, where
    // only those nested inside the catch's try (listed before it) run before the catch.
    // Without a catch frame (-1) the walk ends where an exception escaped a filter.
    private static void UnwindTo(FrameTable table, object exception, RegisterContext site, int catchFrame, EHClause catchClause, int catchIndex)
    {
        ManagedFrameIterator frames = new ManagedFrameIterator(table, site);
        while (frames.MoveNext())
        {
            bool isCatchFrame = frames.Ordinal == catchFrame;
            ClauseWalk clauses = new ClauseWalk(frames.Block.EHInfo, frames.SkipThrough, frames.Offset);
            while (clauses.TryNext(out EHClause clause, out int index))
            {
                if (isCatchFrame && index >= catchIndex)
                    break;
                if (clause.Kind != EHClauseKind.Fault)
                    continue;
                FuncletRecord record = NewRecord(exception, ref frames, index);
                FuncletCalls.Finally(frames.Block.MethodStart + clause.HandlerOffset, record.Frame, &record);
            }
            if (isCatchFrame)
            {
                FuncletRecord record = NewRecord(exception, ref frames, catchIndex);
                FuncletCalls.Catch(exception, frames.Block.MethodStart + catchClause.HandlerOffset, record.Frame, &record);
            }
        }
        if (catchFrame < 0 && frames.LeftFilter)
            FuncletCalls.RejectFromFilter((RegisterContext*)Unsafe.AsPointer(ref frames.Context));
        RuntimeFailure.Fail("exception dispatch lost the frame of its catch", exception);
    }

    private static FuncletRecord NewRecord(object exception, ref ManagedFrameIterator frame, int clauseIndex)
    {
        FuncletRecord record = default;
        record.Frame = (RegisterContext*)Unsafe.AsPointer(ref frame.Context);
        record.Exception = Unsafe.As<object, nint>(ref exception);
        record.ClauseIndex = clauseIndex;
        record.IsFilter = 0;
        return record;
    }
}
