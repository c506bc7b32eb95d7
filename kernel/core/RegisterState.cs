using System.Runtime.InteropServices;

namespace Uk.Core;

// Registers as ukplat_capture_registers stores them.
[StructLayout(LayoutKind.Sequential)]
public struct RegisterState
{
    public ulong Rax, Rbx, Rcx, Rdx, Rsi, Rdi, Rbp, Rsp;
    public ulong R8, R9, R10, R11, R12, R13, R14, R15;
    public ulong Rip, Rflags, Cr0, Cr2, Cr3, Cr4;
}
