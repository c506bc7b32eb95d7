; CPU exceptions 0-31: each stub pushes a uniform frame (error code, vector, registers) and
; calls ukplat_trap (C#, src/Traps.cs), which prints the panic. Interrupt controllers and
; IRQs come with the interrupt library; this is only what turns a fault into a report.
bits 64
default rel

section .text
extern ukplat_trap

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

; Builds the IDT (interrupt gates, code selector 0x08) and loads it.
global ukplat_init_traps
ukplat_init_traps:
    lea rsi, [trap_stubs]
    lea rdi, [idt]
    xor ecx, ecx
.entry:
    mov rax, [rsi + rcx * 8]
    mov word [rdi], ax             ; offset 15:0
    mov word [rdi + 2], 0x08       ; selector
    mov byte [rdi + 4], 0          ; IST
    mov byte [rdi + 5], 0x8E       ; present, DPL 0, 64-bit interrupt gate
    shr rax, 16
    mov word [rdi + 6], ax         ; offset 31:16
    shr rax, 16
    mov dword [rdi + 8], eax       ; offset 63:32
    mov dword [rdi + 12], 0
    add rdi, 16
    inc ecx
    cmp ecx, 32
    jne .entry
    lidt [idt_pointer]
    ret

section .rodata
align 8
trap_stubs:
%assign v 0
%rep 32
    dq trap_stub_%+v
  %assign v v + 1
%endrep

idt_pointer:
    dw 32 * 16 - 1
    dq idt

section .bss
align 16
idt: resb 32 * 16
