using System.Runtime.InteropServices;

namespace Internal.Runtime.Unwinding;

// A frame's registers as far as unwinding needs them: where it is (rip, rsp) and the
// registers the System V ABI makes callee-saved, which a frame must get back unchanged.
// runtime/exceptions.asm builds and reads this layout: keep the two in step.
[StructLayout(LayoutKind.Sequential)]
internal struct RegisterContext
{
    internal ulong Rip;
    internal ulong Rsp;
    internal ulong Rbp;
    internal ulong Rbx;
    internal ulong R12;
    internal ulong R13;
    internal ulong R14;
    internal ulong R15;

    // DWARF numbers the x86-64 registers rax, rdx, rcx, rbx, rsi, rdi, rbp, rsp, r8-r15, and
    // 16 for the return address.
    internal const int DwarfRbx = 3;
    internal const int DwarfRbp = 6;
    internal const int DwarfRsp = 7;
    internal const int DwarfR12 = 12;
    internal const int DwarfR15 = 15;
    internal const int DwarfReturnAddress = 16;

    internal readonly bool TryGet(int dwarfRegister, out ulong value)
    {
        value = dwarfRegister switch
        {
            DwarfRbx => Rbx,
            DwarfRbp => Rbp,
            DwarfRsp => Rsp,
            12 => R12,
            13 => R13,
            14 => R14,
            15 => R15,
            DwarfReturnAddress => Rip,
            _ => 0,
        };
        return dwarfRegister is DwarfRbx or DwarfRbp or DwarfRsp or DwarfReturnAddress || (dwarfRegister >= DwarfR12 && dwarfRegister <= DwarfR15);
    }

    internal void Set(int dwarfRegister, ulong value)
    {
        switch (dwarfRegister)
        {
            case DwarfRbx: Rbx = value; break;
            case DwarfRbp: Rbp = value; break;
            case DwarfRsp: Rsp = value; break;
            case 12: R12 = value; break;
            case 13: R13 = value; break;
            case 14: R14 = value; break;
            case 15: R15 = value; break;
            case DwarfReturnAddress: Rip = value; break;
        }
    }
}
