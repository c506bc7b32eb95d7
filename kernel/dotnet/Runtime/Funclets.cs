using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime.Exceptions;
using Internal.Runtime.Unwinding;

namespace Uk.Dotnet.Runtime;

// CoreLib's dispatcher runs handlers through these, with the register set of the frame the
// handler belongs to. Each call leaves a FuncletRecord where a later walk finds it
// (FrameIterator: collided unwinds, filters; Throw: `throw;`).
internal static unsafe class Funclets
{
    [RuntimeExport("RhpCallCatchFunclet")]
    private static nint CallCatch(object exception, byte* handler, RegisterContext* frame, ExInfo* exInfo)
    {
        FuncletRecord record = default;
        record.Frame = frame;
        record.Exception = Unsafe.As<object, nint>(ref exception);
        record.ClauseIndex = (int)exInfo->CurrentClause;
        record.ExInfo = exInfo;
        // The catch resumes its frame: every exception raised deeper is over. `throw;` inside
        // the catch finds this one through the record.
        ExInfoChain.PopBelow(frame->Rsp);
        FuncletCalls.Catch(exception, (ulong)handler, frame, &record);
        return 0;
    }

    [RuntimeExport("RhpCallFinallyFunclet")]
    private static void CallFinally(byte* handler, RegisterContext* frame)
    {
        FuncletRecord record = default;
        record.Frame = frame;
        // The dispatch running this finally is the thread's newest; it set the clause.
        ExInfo* current = ExInfoChain.Head;
        record.ClauseIndex = current != null ? (int)current->CurrentClause : -1;
        record.ExInfo = current;
        FuncletCalls.Finally((ulong)handler, frame, &record);
    }

    [RuntimeExport("RhpCallFilterFunclet")]
    private static bool CallFilter(object exception, byte* filter, RegisterContext* frame)
    {
        FuncletRecord record = default;
        record.Frame = frame;
        record.Exception = Unsafe.As<object, nint>(ref exception);
        record.IsFilter = 1;
        return FuncletCalls.Filter(exception, (ulong)filter, frame, &record);
    }
}
