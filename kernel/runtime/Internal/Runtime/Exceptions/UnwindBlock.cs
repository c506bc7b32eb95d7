namespace Internal.Runtime.Exceptions;

// ILC's per-frame data that the FDE's LSDA pointer leads to. A method is split into its
// main body and funclets (catch, filter, finally/fault handlers), each with its own FDE.
// The main body's block: a flags byte, then relative pointers to associated data and to
// the EH clauses when the flags say so, then GC info. A funclet's block: a flags byte, a
// relative pointer back to the main body's block and the funclet's offset from the main
// body's start.
internal readonly unsafe struct UnwindBlock
{
    private const byte KindMask = 0x03;
    private const byte KindHandler = 0x01;
    private const byte KindFilter = 0x02;
    private const byte HasEHInfo = 0x04;
    private const byte HasAssociatedData = 0x10;

    // Where the method's main body starts: clause offsets count from here.
    internal readonly ulong MethodStart;
    // The method's EH clauses, null when it has none.
    internal readonly byte* EHInfo;
    internal readonly bool IsFunclet;
    internal readonly bool IsFilter;

    private UnwindBlock(ulong methodStart, byte* ehInfo, bool isFunclet, bool isFilter)
    {
        MethodStart = methodStart;
        EHInfo = ehInfo;
        IsFunclet = isFunclet;
        IsFilter = isFilter;
    }

    // codeStart: where the FDE that pointed at lsda begins.
    internal static UnwindBlock Read(byte* lsda, ulong codeStart)
    {
        if (lsda == null)
            return new UnwindBlock(codeStart, null, false, false);
        byte flags = *lsda;
        byte kind = (byte)(flags & KindMask);
        if (kind != 0)
        {
            int* backToMain = (int*)(lsda + 1);
            byte* main = (byte*)backToMain + *backToMain;
            uint offsetInMethod = *(uint*)(lsda + 5);
            UnwindBlock root = Read(main, codeStart - offsetInMethod);
            return new UnwindBlock(root.MethodStart, root.EHInfo, true, kind == KindFilter);
        }
        byte* field = lsda + 1;
        if ((flags & HasAssociatedData) != 0)
            field += 4;
        byte* ehInfo = (flags & HasEHInfo) != 0 ? field + *(int*)field : null;
        return new UnwindBlock(codeStart, ehInfo, false, false);
    }
}
