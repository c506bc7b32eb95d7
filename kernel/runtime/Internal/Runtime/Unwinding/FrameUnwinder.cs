namespace Internal.Runtime.Unwinding;

// Steps from a frame to its caller with the frame's call frame information: the caller's
// rsp is the CFA, its rip the return address stored just below, and each callee-saved
// register the frame pushed is read back from where the prologue stored it. Every read is
// checked against the frame's own bounds, so a corrupt stack ends the walk, never faults.
internal static unsafe class FrameUnwinder
{
    // A frame larger than this means the rules or the stack went wrong.
    private const ulong MaxFrameSize = 1024 * 1024;

    // pcIsReturnAddress: context.Rip follows a call (true for every frame but a faulting
    // one), so the instruction that belongs to the frame is the one before it.
    internal static bool TryStep(in FrameTable table, ref RegisterContext context, bool pcIsReturnAddress)
    {
        ulong pc = pcIsReturnAddress ? context.Rip - 1 : context.Rip;
        if (!table.TryFind(pc, out FrameDescription frame))
            return false;
        return TryStep(in frame, pc, ref context);
    }

    internal static bool TryStep(in FrameDescription frame, ulong pc, ref RegisterContext context)
    {
        if (!CfaRules.TryCompute(in frame, pc, out CfaRules rules))
            return false;
        if (!context.TryGet(rules.CfaRegister, out ulong cfaBase) || rules.CfaRegister == RegisterContext.DwarfReturnAddress)
            return false;
        ulong cfa = cfaBase + (ulong)rules.CfaOffset;
        // The CFA lies above everything the frame saved, and above the current rsp.
        if (cfa <= context.Rsp || cfa - context.Rsp > MaxFrameSize || (cfa & 7) != 0)
            return false;
        if (!rules.IsSaved(RegisterContext.DwarfReturnAddress))
            return false;
        RegisterContext caller = context;
        for (int register = 0; register < CfaRules.RegisterCount; register++)
        {
            if (!rules.IsSaved(register))
                continue;
            ulong slot = cfa + (ulong)rules.SavedAt(register);
            if (slot < context.Rsp || slot + 8 > cfa)
                return false;
            caller.Set(register, *(ulong*)slot);
        }
        caller.Rsp = cfa;
        if (caller.Rip == 0)
            return false;
        context = caller;
        return true;
    }
}
