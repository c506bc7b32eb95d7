using System.Runtime.InteropServices;
using Internal.Runtime.Unwinding;

namespace Internal.Runtime.Exceptions;

// What a running funclet belongs to. The dispatcher passes one to each funclet call; the
// call (runtime/exceptions.asm) keeps a pointer to it just above the funclet's return
// address, where a later walk of the stack finds it: an exception thrown inside a handler
// continues from the handler's method frame, past the clause that was running, and `throw;`
// finds the exception its catch is handling.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FuncletRecord
{
    // First field: the catch call reads it to resume the frame.
    internal RegisterContext* Frame;
    internal nint Exception;
    internal int ClauseIndex;
    // Non-zero for a filter call: an exception that escapes the filter ends there.
    internal int IsFilter;
    // With .NET's CoreLib (the dotnet library): the dispatch's ExInfo, which `throw;` in a
    // catch funclet rethrows from.
    internal void* ExInfo;

    // The record of the funclet call that returnAddress returns into, with cfa the CFA of
    // the funclet it called; null for any other return address.
    internal static FuncletRecord* At(ulong returnAddress, ulong cfa) => uk_funclet_record(returnAddress, cfa);

    [DllImport("*"), SuppressGCTransition]
    private static extern FuncletRecord* uk_funclet_record(ulong returnAddress, ulong cfa);
}
