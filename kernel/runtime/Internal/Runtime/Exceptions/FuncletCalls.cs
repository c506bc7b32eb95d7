using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime.Unwinding;

namespace Internal.Runtime.Exceptions;

// Calls into handler funclets through runtime/exceptions.asm, which gives each funclet the
// callee-saved registers of the frame it belongs to.
internal static unsafe class FuncletCalls
{
    internal static void Catch(object exception, ulong handler, RegisterContext* frame, FuncletRecord* record) =>
        uk_call_catch_funclet(AddressOf(exception), handler, frame, record);

    internal static void Finally(ulong handler, RegisterContext* frame, FuncletRecord* record) =>
        uk_call_finally_funclet(handler, frame, record);

    internal static bool Filter(object exception, ulong filter, RegisterContext* frame, FuncletRecord* record) =>
        uk_call_filter_funclet(AddressOf(exception), filter, frame, record) != 0;

    // Continues the filter call an exception escaped as if the filter had returned false.
    internal static void RejectFromFilter(RegisterContext* filterCall) => uk_resume_after_filter(filterCall);

    // The calls take the object as a plain pointer: no marshalling between here and the funclet.
    private static nint AddressOf(object exception) => Unsafe.As<object, nint>(ref exception);

    [DllImport("*"), SuppressGCTransition]
    private static extern void uk_call_catch_funclet(nint exception, ulong handler, RegisterContext* frame, FuncletRecord* record);

    [DllImport("*"), SuppressGCTransition]
    private static extern void uk_call_finally_funclet(ulong handler, RegisterContext* frame, FuncletRecord* record);

    [DllImport("*"), SuppressGCTransition]
    private static extern void uk_resume_after_filter(RegisterContext* filterCall);

    [DllImport("*"), SuppressGCTransition]
    private static extern int uk_call_filter_funclet(nint exception, ulong filter, RegisterContext* frame, FuncletRecord* record);
}
