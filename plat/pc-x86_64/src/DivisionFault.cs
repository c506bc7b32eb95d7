namespace Uk.Plat.PcX86_64;

// The CPU raises the same divide error for a zero divisor and for a quotient that does not
// fit (int.MinValue / -1); .NET throws DivideByZeroException for the first and
// OverflowException for the second. The faulting instruction (idiv r/m) is decoded and its
// divisor read, from the interrupted registers or from memory, as NativeAOT's runtime does
// on Linux, where the signal does not tell the two apart either.
internal static unsafe class DivisionFault
{
    private const byte OperandSizePrefix = 0x66;
    private const byte ByteDivide = 0xF6;
    private const byte Divide = 0xF7;
    private const int SignedDivideExtension = 7; // ModRM reg field of idiv (div is 6)

    public static bool IsOverflow(InterruptFrame* frame)
    {
        byte* code = (byte*)frame->Rip;
        int operandBits = 32;
        while (IsLegacyPrefix(*code))
        {
            if (*code == OperandSizePrefix)
                operandBits = 16;
            code++;
        }
        byte rex = 0;
        if ((*code & 0xF0) == 0x40)
        {
            rex = *code++;
            if ((rex & 8) != 0)
                operandBits = 64;
        }
        byte opcode = *code++;
        if (opcode == ByteDivide)
            operandBits = 8;
        else if (opcode != Divide)
            return false;
        byte modrm = *code++;
        if (((modrm >> 3) & 7) != SignedDivideExtension)
            return false;
        int mod = modrm >> 6;
        int rm = modrm & 7;
        ulong divisor;
        if (mod == 3)
        {
            // Without REX, byte registers 4-7 are ah, ch, dh and bh.
            divisor = operandBits == 8 && rex == 0 && rm >= 4
                ? Register(frame, rm - 4) >> 8
                : Register(frame, rm | ((rex & 1) << 3));
        }
        else
        {
            divisor = Read(OperandAddress(frame, code, mod, rm, rex), operandBits);
        }
        return SignExtend(divisor, operandBits) == -1;
    }

    private static ulong OperandAddress(InterruptFrame* frame, byte* code, int mod, int rm, byte rex)
    {
        ulong address;
        if (rm == 4)
        {
            byte sib = *code++;
            int index = ((sib >> 3) & 7) | ((rex & 2) << 2);
            int baseRegister = (sib & 7) | ((rex & 1) << 3);
            address = index == 4 ? 0 : Register(frame, index) << (sib >> 6);
            if ((sib & 7) == 5 && mod == 0)
            {
                address += (ulong)*(int*)code;
                code += 4;
            }
            else
            {
                address += Register(frame, baseRegister);
            }
        }
        else if (rm == 5 && mod == 0)
        {
            // rip-relative: from the end of the instruction, which idiv ends with the displacement.
            int displacement = *(int*)code;
            return (ulong)(code + 4) + (ulong)displacement;
        }
        else
        {
            address = Register(frame, rm | ((rex & 1) << 3));
        }
        if (mod == 1)
            address += (ulong)*(sbyte*)code;
        else if (mod == 2)
            address += (ulong)*(int*)code;
        return address;
    }

    // The operand was just read by the faulting instruction, so the memory is there.
    private static ulong Read(ulong address, int bits) => bits switch
    {
        8 => *(byte*)address,
        16 => *(ushort*)address,
        32 => *(uint*)address,
        _ => *(ulong*)address,
    };

    private static long SignExtend(ulong value, int bits) => bits switch
    {
        8 => (sbyte)value,
        16 => (short)value,
        32 => (int)value,
        _ => (long)value,
    };

    private static bool IsLegacyPrefix(byte b) =>
        b is OperandSizePrefix or 0xF0 or 0xF2 or 0xF3 or 0x2E or 0x36 or 0x3E or 0x26 or 0x64 or 0x65 or 0x67;

    private static ulong Register(InterruptFrame* frame, int number) => number switch
    {
        0 => frame->Rax,
        1 => frame->Rcx,
        2 => frame->Rdx,
        3 => frame->Rbx,
        4 => frame->Rsp,
        5 => frame->Rbp,
        6 => frame->Rsi,
        7 => frame->Rdi,
        8 => frame->R8,
        9 => frame->R9,
        10 => frame->R10,
        11 => frame->R11,
        12 => frame->R12,
        13 => frame->R13,
        14 => frame->R14,
        _ => frame->R15,
    };
}
