using System.Runtime.InteropServices;
using Uk.Core;

namespace Uk.Plat.PcX86_64;

// What the stubs in runtime/interrupts.asm push, lowest address first:
// the interrupted code's registers, the vector, the error code, and the CPU's iretq frame.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct InterruptFrame
{
    public ulong R15, R14, R13, R12, R11, R10, R9, R8, Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
    public ulong Vector, ErrorCode;
    public ulong Rip, Cs, Rflags, Rsp, Ss;

    public RegisterState ToRegisterState()
    {
        RegisterState state;
        Uk.Core.Plat.CaptureRegisters(&state);
        state.Rax = Rax; state.Rbx = Rbx; state.Rcx = Rcx; state.Rdx = Rdx;
        state.Rsi = Rsi; state.Rdi = Rdi; state.Rbp = Rbp; state.Rsp = Rsp;
        state.R8 = R8; state.R9 = R9; state.R10 = R10; state.R11 = R11;
        state.R12 = R12; state.R13 = R13; state.R14 = R14; state.R15 = R15;
        state.Rip = Rip; state.Rflags = Rflags;
        return state;
    }
}
