; CPU instructions the hardware drivers need and C# cannot issue (SysV calling convention).
bits 64
default rel

section .text

global ukplat_cpuid
ukplat_cpuid:                      ; (uint leaf, uint subleaf, CpuidResult* result)
    push rbx                       ; callee-saved, and cpuid overwrites it
    mov r8, rdx
    mov eax, edi
    mov ecx, esi
    cpuid
    mov [r8 + 0], eax
    mov [r8 + 4], ebx
    mov [r8 + 8], ecx
    mov [r8 + 12], edx
    pop rbx
    ret

global ukplat_read_msr
ukplat_read_msr:                   ; (uint msr) -> ulong
    mov ecx, edi
    rdmsr
    shl rdx, 32
    or rax, rdx
    ret

global ukplat_write_msr
ukplat_write_msr:                  ; (uint msr, ulong value)
    mov ecx, edi
    mov eax, esi
    mov rdx, rsi
    shr rdx, 32
    wrmsr
    ret

; Orders an earlier MMIO store (the local APIC's timer mode) before a later WRMSR (its
; deadline): WRMSR to the deadline MSR is not serialising.
global ukplat_memory_fence
ukplat_memory_fence:
    mfence
    ret
