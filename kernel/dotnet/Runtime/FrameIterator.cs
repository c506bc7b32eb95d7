using System.Runtime;
using System.Runtime.InteropServices;
using Internal.Runtime.Exceptions;
using Internal.Runtime.Unwinding;

namespace Uk.Dotnet.Runtime;

// CoreLib 10.0.12's StackFrameIterator (0x168 bytes): CoreLib reads the frame pointer, the
// control pc, the register set's SP and the original pc at the offsets below; the rest is the
// runtime's. The register set (CoreLib's REGDISPLAY, passed back to the funclet calls) starts
// with the frame's RegisterContext. Frames come from the image's call frame information; a
// funclet's frame leads to the frame of the method it belongs to, as the funclet call recorded.
[StructLayout(LayoutKind.Explicit, Size = 0x168)]
internal unsafe struct FrameIterator
{
    [FieldOffset(0x10)] internal ulong FramePointer;
    [FieldOffset(0x18)] internal ulong ControlPc;
    [FieldOffset(0x20)] internal RegisterContext Registers;
    [FieldOffset(0x98)] internal ulong StackPointer;
    // The runtime's own: where the current frame's method starts and its EH clauses.
    [FieldOffset(0xA0)] internal ulong MethodStart;
    [FieldOffset(0xA8)] internal byte* EHInfo;
    [FieldOffset(0x158)] internal ulong OriginalControlPc;
    [FieldOffset(0x160)] internal nint PreviousTransitionFrame;

    [RuntimeExport("RhpSfiInit")]
    private static bool Init(FrameIterator* iterator, ThrowContext* context, bool instructionFault, bool* intercepted)
    {
        *intercepted = false;
        iterator->Registers = context->Registers;
        return iterator->Describe();
    }

    [RuntimeExport("RhpSfiNext")]
    private static bool Next(FrameIterator* iterator, uint* collidedClause, bool* unwoundReversePInvoke, bool* intercepted)
    {
        *collidedClause = ExInfo.NoClause;
        *unwoundReversePInvoke = false;
        *intercepted = false;
        if (!FrameUnwinder.TryStep(ImageFrames.Table, ref iterator->Registers, pcIsReturnAddress: true))
            return false;
        FuncletRecord* record = FuncletRecord.At(iterator->Registers.Rip, iterator->Registers.Rsp);
        if (record != null && record->IsFilter != 0)
        {
            // Out of a filter: on to the dispatcher that called it, whose own catch takes
            // what escaped the filter (the filter then rejects, as .NET defines).
            iterator->Registers = AfterFilterCall(iterator->Registers.Rsp);
        }
        else if (record != null)
        {
            // Out of a catch or finally funclet: a collided unwind. Continue in the frame the
            // funclet belongs to, past the clause that was running.
            iterator->Registers = *record->Frame;
            *collidedClause = (uint)record->ClauseIndex;
        }
        return iterator->Describe();
    }

    // uk_call_filter_funclet (runtime/exceptions.asm) keeps, from the filter's CFA up: the
    // record, r15, r14, r13, r12, rbx, rbp and the return address into its caller.
    private static RegisterContext AfterFilterCall(ulong cfa)
    {
        ulong* saved = (ulong*)cfa;
        RegisterContext caller = default;
        caller.R15 = saved[1];
        caller.R14 = saved[2];
        caller.R13 = saved[3];
        caller.R12 = saved[4];
        caller.Rbx = saved[5];
        caller.Rbp = saved[6];
        caller.Rip = saved[7];
        caller.Rsp = cfa + 8 * 8;
        return caller;
    }

    // The frame's pc is a return address (a fault's is made to look like one): the code that
    // belongs to the frame is the byte before it, which also keeps a call that ends a try
    // region inside it.
    private bool Describe()
    {
        ulong pc = Registers.Rip - 1;
        if (!ImageFrames.Table.TryFind(pc, out FrameDescription frame))
            return false;
        UnwindBlock block = UnwindBlock.Read(frame.Lsda, frame.CodeStart);
        MethodStart = block.MethodStart;
        EHInfo = block.EHInfo;
        ControlPc = pc;
        OriginalControlPc = pc;
        StackPointer = Registers.Rsp;
        FramePointer = Registers.Rsp;
        return true;
    }
}

// CoreLib's EH.MethodRegionInfo: nothing is split into cold code here.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MethodRegionInfo
{
    internal byte* HotStart;
    internal nuint HotSize;
    internal byte* ColdStart;
    internal nuint ColdSize;
}

// CoreLib's EH.RhEHClause.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ClauseInfo
{
    internal int Kind;
    internal uint TryStartOffset;
    internal uint TryEndOffset;
    internal byte* FilterAddress;
    internal byte* HandlerAddress;
    internal void* TargetType;
}

// CoreLib's opaque EH.EHEnum (0x20 bytes): the clause reader and the method start.
[StructLayout(LayoutKind.Sequential, Size = 0x20)]
internal unsafe struct ClauseEnumerator
{
    internal EHClauseReader Reader;
    internal ulong MethodStart;

    [RuntimeExport("RhpEHEnumInitFromStackFrameIterator")]
    private static bool Init(FrameIterator* iterator, MethodRegionInfo* region, ClauseEnumerator* enumerator)
    {
        region->HotStart = (byte*)iterator->MethodStart;
        region->HotSize = int.MaxValue;
        region->ColdStart = null;
        region->ColdSize = 0;
        enumerator->Reader = new EHClauseReader(iterator->EHInfo);
        enumerator->MethodStart = iterator->MethodStart;
        return iterator->EHInfo != null;
    }

    [RuntimeExport("RhpEHEnumNext")]
    private static bool Next(ClauseEnumerator* enumerator, ClauseInfo* clause)
    {
        if (!enumerator->Reader.TryNext(out EHClause next))
            return false;
        clause->Kind = (int)next.Kind;
        clause->TryStartOffset = next.TryStart;
        clause->TryEndOffset = next.TryEnd;
        clause->HandlerAddress = (byte*)(enumerator->MethodStart + next.HandlerOffset);
        clause->FilterAddress = next.Kind == EHClauseKind.Filter ? (byte*)(enumerator->MethodStart + next.FilterOffset) : null;
        clause->TargetType = next.Type;
        return true;
    }
}
