; CPU exceptions 0-31: each stub pushes a uniform frame (error code, vector, registers) and
; calls ukplat_trap (C#, src/Traps.cs), which prints the panic. Vectors 32-255 (device IRQs,
; the local APIC timer, spurious interrupts) have their own stubs in interrupts.asm.
bits 64
default rel

section .text
extern ukplat_trap
global trap_stubs

%macro TRAP_NO_ERROR 1
trap_stub_%1:
    push 0
    push %1
    jmp trap_common
%endmacro

%macro TRAP_WITH_ERROR 1
trap_stub_%1:
    push %1
    jmp trap_common
%endmacro

; Vectors whose exceptions push an error code: 8, 10-14, 17, 21, 29, 30.
%assign v 0
%rep 32
  %if v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30
    TRAP_WITH_ERROR v
  %else
    TRAP_NO_ERROR v
  %endif
  %assign v v + 1
%endrep

trap_common:
    push rax
    push rbx
    push rcx
    push rdx
    push rsi
    push rdi
    push rbp
    push r8
    push r9
    push r10
    push r11
    push r12
    push r13
    push r14
    push r15
    cld
    mov rdi, rsp                   ; TrapFrame*, 16-byte aligned: 22 quadwords on an aligned stack
    call ukplat_trap
.halt:
    cli
    hlt
    jmp .halt

section .rodata
align 8
trap_stubs:
%assign v 0
%rep 32
    dq trap_stub_%+v
  %assign v v + 1
%endrep
