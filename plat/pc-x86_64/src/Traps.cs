using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Uk.Core;

namespace Uk.Plat.PcX86_64;

// CPU exceptions end in a panic a developer can act on: which exception, the error code,
// for page faults the address and what kind of access failed, and the registers.
internal static unsafe class Traps
{
    private const int DivideError = 0;
    // A divide error whose quotient overflowed reaches the runtime as the overflow vector
    // (nothing else raises it: .NET code never runs INTO), so it becomes an OverflowException.
    private const int Overflow = 4;
    private const int PageFault = 14;
    private const ulong NullPageEnd = 4096;

    internal static void Initialize()
    {
        Internal.Runtime.ExceptionDispatch.InstallHardwareFaults(&MakeException);
        ukplat_init_traps();
    }

    [UnmanagedCallersOnly(EntryPoint = "ukplat_trap")]
    private static void OnTrap(InterruptFrame* frame)
    {
        RegisterState registers = frame->ToRegisterState();
        string? overflowed = frame->Vector == PageFault ? StackGuards.Owner(registers.Cr2) : null;
        if (overflowed is not null)
        {
            Panic.Halt("stack overflow in thread '" + overflowed + "': page fault on its guard page at address 0x"
                + IntegerText.Hex(registers.Cr2, 16) + ", rip 0x" + IntegerText.Hex(frame->Rip), registers);
            return;
        }
        if (TryRaiseAsException(frame, registers.Cr2))
            return;
        Panic.Halt(Describe(frame->Vector, frame->ErrorCode, registers.Cr2, frame->Rip), registers);
    }

    private static string Describe(ulong vector, ulong errorCode, ulong faultAddress, ulong rip)
    {
        string message = ExceptionName((int)vector) + " (vector " + vector.ToString() + ", error code 0x" + IntegerText.Hex(errorCode) + ")";
        if (vector == PageFault)
            message = message + ": " + DescribePageFault(faultAddress, errorCode);
        return message + " at rip 0x" + IntegerText.Hex(rip);
    }

    // Faults that managed code raises as exceptions in .NET: a null reference shows up as a
    // page fault near address 0, an integer division by zero (or int.MinValue / -1, which
    // overflows) as the divide error. The trap
    // returns into the runtime's throw path (uk_throw_hardware_fault, runtime/exceptions.asm)
    // with the fault in rdi, rdx and rcx; the runtime makes the exception there, on the
    // faulting thread's stack (MakeException), and dispatches it from the faulting frame like
    // any other. Nothing is allocated here: a page fault runs on its own interrupt stack, and
    // an allocation could start a collection, which must find the thread on its own stack.
    private static bool TryRaiseAsException(InterruptFrame* frame, ulong faultAddress)
    {
        if (!Internal.Runtime.SymbolTable.TryFindStart(frame->Rip, out _))
            return false;
        bool raised = frame->Vector == DivideError
            || (frame->Vector == PageFault && (frame->ErrorCode & 1) == 0 && faultAddress < NullPageEnd);
        if (!raised)
            return false;
        frame->Rdi = frame->Vector == DivideError && DivisionFault.IsOverflow(frame) ? Overflow : frame->Vector;
        frame->Rdx = frame->ErrorCode;
        frame->Rcx = faultAddress;
        frame->Rsi = frame->Rip + 1;
        frame->Rip = (ulong)uk_hardware_fault_entry();
        return true;
    }

    // Called by the runtime on the faulting thread's stack for a fault TryRaiseAsException
    // raised; the fault's description goes with the exception, for the panic if nothing
    // catches it.
    private static Exception MakeException(ulong vector, ulong errorCode, ulong faultAddress, ulong rip)
    {
        Exception exception = vector switch
        {
            DivideError => new DivideByZeroException(),
            Overflow => new OverflowException(),
            _ => new NullReferenceException(),
        };
#if !UK_BCL_DOTNET
        exception.FaultDescription = Describe(vector, errorCode, faultAddress, rip);
#endif
        return exception;
    }

    internal static string DescribePageFault(ulong address, ulong errorCode)
    {
        bool protection = (errorCode & 1) != 0;
        bool write = (errorCode & 2) != 0;
        bool fetch = (errorCode & 16) != 0;
        string where = "address 0x" + IntegerText.Hex(address, 16);
        if (!protection && address < NullPageEnd)
            return "null dereference, " + (write ? "write to " : fetch ? "call through " : "read of ") + where;
        if (protection && fetch)
            return "execute of no-execute memory, " + where;
        if (protection && write)
            return "write to read-only memory, " + where;
        return (write ? "write to" : fetch ? "execute of" : "read of") + " unmapped " + where;
    }

    private static string ExceptionName(int vector) => vector switch
    {
        0 => "divide error",
        1 => "debug",
        2 => "non-maskable interrupt",
        3 => "breakpoint",
        4 => "overflow",
        5 => "bound range exceeded",
        6 => "invalid opcode",
        7 => "device not available",
        8 => "double fault",
        10 => "invalid TSS",
        11 => "segment not present",
        12 => "stack-segment fault",
        13 => "general protection fault",
        14 => "page fault",
        16 => "x87 floating-point error",
        17 => "alignment check",
        18 => "machine check",
        19 => "SIMD floating-point exception",
        20 => "virtualization exception",
        21 => "control protection exception",
        _ => "reserved exception",
    };

    [DllImport("*"), SuppressGCTransition]
    private static extern void ukplat_init_traps();

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_hardware_fault_entry();
}
