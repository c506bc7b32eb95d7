using System;
using Internal.Runtime.Unwinding;

namespace Uk.Core;

// A panic prints what happened and the machine state, then ends the machine with the
// panic exit code so a test or supervisor sees the failure.
public static unsafe class Panic
{
    private static bool s_panicking;
    private static delegate*<string?> s_describeContext;

    // The scheduler says which thread was running; the panic prints it under the message.
    public static void SetContextDescriber(delegate*<string?> describe) => s_describeContext = describe;

    // The trace starts at the caller: the captured rbp is this function's frame.
    public static void Halt(string message)
    {
        RegisterState registers;
        Plat.CaptureRegisters(&registers);
        UnwindingFrameWalker frames = UnwindingFrameWalker.FromCallerOf(registers);
        Report(message, &registers, ref frames, skipRuntimeFrames: false);
    }

    // For faults, where the registers of the faulting code are known (CR0-CR4 are current).
    public static void Halt(string message, RegisterState registers)
    {
        UnwindingFrameWalker frames = UnwindingFrameWalker.FromFault(registers);
        Report(message, &registers, ref frames, skipRuntimeFrames: false);
    }

    // Installed into the runtime: unhandled exceptions and runtime failures arrive here. The
    // runtime's own frames (throw dispatch, cast helpers) are left out of the trace.
    internal static void FromRuntime(string message, object? exception)
    {
        RegisterState registers;
        Plat.CaptureRegisters(&registers);
        UnwindingFrameWalker frames = UnwindingFrameWalker.FromCallerOf(registers);
        Report(message, &registers, ref frames, skipRuntimeFrames: true);
    }

    // Installed into the runtime: an exception nothing caught. The registers printed and the
    // trace are those of the frame that threw.
    internal static void FromUnhandledException(string message, RegisterContext* throwSite)
    {
        RegisterState registers;
        Plat.CaptureRegisters(&registers);
        registers.Rip = throwSite->Rip;
        registers.Rsp = throwSite->Rsp;
        registers.Rbp = throwSite->Rbp;
        registers.Rbx = throwSite->Rbx;
        registers.R12 = throwSite->R12;
        registers.R13 = throwSite->R13;
        registers.R14 = throwSite->R14;
        registers.R15 = throwSite->R15;
        UnwindingFrameWalker frames = UnwindingFrameWalker.FromThrowSite(throwSite);
        // Without the tables the dispatcher finds no clause at all: say so, or the panic
        // would blame code that has a catch.
        if (!CoreOptions.UnwindTables)
            message += "\n  (core.unwind-tables is false: this image runs no catch or finally)";
        Report(message, &registers, ref frames, skipRuntimeFrames: true);
    }

    private static void Report<TFrames>(string message, RegisterState* r, ref TFrames frames, bool skipRuntimeFrames)
        where TFrames : struct, IStackFrameSource
    {
        // A fault while reporting must not recurse forever.
        if (s_panicking)
            Plat.Terminate(CoreOptions.PanicExitCode);
        s_panicking = true;
        // Before any console registered (a fault in early init), the platform's last-resort
        // path still gets the message out on COM1.
        if (Consoles.Count == 0)
        {
            fixed (char* text = message)
                Plat.EarlyPanic(text, message.Length);
        }
        Consoles.Write("\nPANIC: ");
        Consoles.Write(message);
        Consoles.Write("\n");
        string? context = s_describeContext != null ? s_describeContext() : null;
        if (context is not null)
            Consoles.Write("  in " + context + (Interrupts.Nesting > 0 ? ", in an interrupt handler" : "") + "\n");
        Line("rax", r->Rax, "rbx", r->Rbx, "rcx", r->Rcx, "rdx", r->Rdx);
        Line("rsi", r->Rsi, "rdi", r->Rdi, "rbp", r->Rbp, "rsp", r->Rsp);
        Line("r8 ", r->R8, "r9 ", r->R9, "r10", r->R10, "r11", r->R11);
        Line("r12", r->R12, "r13", r->R13, "r14", r->R14, "r15", r->R15);
        Line("rip", r->Rip, "flg", r->Rflags, "cr0", r->Cr0, "cr2", r->Cr2);
        Line("cr3", r->Cr3, "cr4", r->Cr4, null, 0, null, 0);
        StackTrace.Write(ref frames, skipRuntimeFrames);
        Consoles.Write("halting with exit code " + CoreOptions.PanicExitCode.ToString() + "\n");
        Plat.Terminate(CoreOptions.PanicExitCode);
    }

    private static void Line(string n1, ulong v1, string n2, ulong v2, string? n3, ulong v3, string? n4, ulong v4)
    {
        Consoles.Write("  " + n1 + "=" + IntegerText.Hex(v1, 16) + " " + n2 + "=" + IntegerText.Hex(v2, 16));
        if (n3 is not null)
            Consoles.Write(" " + n3 + "=" + IntegerText.Hex(v3, 16) + " " + n4 + "=" + IntegerText.Hex(v4, 16));
        Consoles.Write("\n");
    }
}
