; The CPU's tables (GDT with a TSS, IDT for all 256 vectors), the interrupt stubs, the
; interrupt flag and thread context switches. CPU exceptions 0-31
; push a uniform frame and call ukplat_trap (C#, src/Traps.cs), which prints the panic or
; sends a managed-code fault on to the runtime's exception dispatch. A
; device or timer interrupt (32-255) saves the interrupted code's registers and SSE state on
; its stack, runs ukplat_interrupt (C#, src/Interrupts/InterruptDispatch.cs), and returns to
; it - or, when the scheduler switched threads inside the handler, to it later, when that
; thread runs again.
bits 64
default rel

%define IST_DOUBLE_FAULT 1
%define IST_NMI 2
%define IST_MACHINE_CHECK 3
%define IST_PAGE_FAULT 4
%define TSS_SELECTOR 0x18

; Names code of this file for stack traces (start, end, name): the kernel's function table
; covers managed code only. The linker gathers the entries between __stub_names_start/_end.
%macro STUB_NAME 3
[section .stub_names progbits alloc noexec nowrite align=8]
    dq %1, %2, %%name
[section .rodata]
%%name: db %3, 0
__SECT__
%endmacro

section .text
extern ukplat_trap
extern ukplat_interrupt

; The general registers in InterruptFrame's order (src/Interrupts/InterruptFrame.cs), and
; where the interrupted rbp and rip sit in that frame.
%define FRAME_RBP 8 * 8
%define FRAME_RIP 17 * 8
%macro SAVE_REGISTERS 0
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
%endmacro

%macro RESTORE_REGISTERS 0
    pop r15
    pop r14
    pop r13
    pop r12
    pop r11
    pop r10
    pop r9
    pop r8
    pop rbp
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rbx
    pop rax
%endmacro

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
    SAVE_REGISTERS
    cld
    mov rdi, rsp                   ; TrapFrame*, 16-byte aligned: 22 quadwords on an aligned stack
    call ukplat_trap
    ; ukplat_trap returns only when it turned the fault into a managed exception: the frame
    ; now resumes the thread in the runtime's throw path.
    RESTORE_REGISTERS
    add rsp, 16                    ; vector and error code
    iretq


; One 4-byte stub per vector: push the vector (as a sign-extended byte) and jump short to its
; group's tail, which jumps on to the common path. Groups of IRQ_GROUP stubs keep every
; short jump in reach (at most 127 bytes) and cost 4 bytes a vector instead of 8 for a near
; jump each; ukplat_init_traps computes a stub's address from its group and place.
%define IRQ_GROUP 28
%define IRQ_GROUP_BYTES 120        ; 28 stubs, the tail's near jump, padding to 8
%macro IRQ_STUB_GROUP 0
  %%group:
  %rep IRQ_GROUP
    db 0x6A, v & 0xFF              ; push imm8
    jmp short %%tail
    %assign v v + 1
  %endrep
  %%tail:
    jmp irq_entry
    times IRQ_GROUP_BYTES - ($ - %%group) db 0xCC
%endmacro

align 8
irq_stubs:
%assign v 32
%rep 224 / IRQ_GROUP
    IRQ_STUB_GROUP
%endrep

; Give the frame an error code slot, as the CPU gives some exceptions, and zero-extend the
; vector: [vector][0][rip][cs][rflags][rsp][ss].
irq_entry:
    push qword [rsp]
    mov qword [rsp + 8], 0
    and qword [rsp], 0xFF
irq_common:
    SAVE_REGISTERS
    mov rbx, rsp                   ; the frame; rbx survives the call
    ; An rbp frame whose "return address" is the interrupted instruction, so a stack walk
    ; from inside a handler continues into the code the interrupt arrived in.
    push qword [rbx + FRAME_RIP]
    push qword [rbx + FRAME_RBP]
    mov rbp, rsp
    ; C# handlers may use SSE registers the interrupted code is still holding.
    sub rsp, 512
    and rsp, -16
    fxsave [rsp]
    cld
    mov rdi, rbx
    call ukplat_interrupt
    fxrstor [rsp]
    mov rsp, rbx
    RESTORE_REGISTERS
    add rsp, 16                    ; vector and error code
    iretq
irq_common_end:

; The run-time GDT: the boot GDT's code and data segments plus a TSS, whose interrupt stack
; table gives the faults that must still report when the current stack is unusable (double
; fault, NMI, machine check, page fault: a thread that overflows into its guard page) their
; own stacks.
ukplat_init_gdt:
    lea rax, [ist_double_fault_top]
    mov [tss + 36 + (IST_DOUBLE_FAULT - 1) * 8], rax
    lea rax, [ist_nmi_top]
    mov [tss + 36 + (IST_NMI - 1) * 8], rax
    lea rax, [ist_machine_check_top]
    mov [tss + 36 + (IST_MACHINE_CHECK - 1) * 8], rax
    lea rax, [ist_page_fault_top]
    mov [tss + 36 + (IST_PAGE_FAULT - 1) * 8], rax
    mov word [tss + 102], 104      ; I/O map base beyond the limit: no I/O bitmap

    ; 16-byte available 64-bit TSS descriptor: limit 103, type 0x89, base split in four.
    lea rax, [tss]
    lea rdi, [gdt + TSS_SELECTOR]
    mov word [rdi], 103
    mov [rdi + 2], ax
    shr rax, 16
    mov [rdi + 4], al
    mov byte [rdi + 5], 0x89
    mov byte [rdi + 6], 0
    mov [rdi + 7], ah
    shr rax, 16
    mov [rdi + 8], eax
    mov dword [rdi + 12], 0

    lgdt [gdt_pointer]
    ; Reload CS through a far return, then the data segments, from the new table.
    push 0x08
    lea rax, [.reloaded]
    push rax
    retfq
.reloaded:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov ax, TSS_SELECTOR
    ltr ax
    ret

; Loads the run-time GDT and TSS, then builds the IDT (64-bit interrupt gates, code selector
; 0x08) with the fault vectors that need a known-good stack on their IST stacks.
global ukplat_init_traps
ukplat_init_traps:
    call ukplat_init_gdt
    lea rdi, [idt]
    xor ecx, ecx
.entry:
    cmp ecx, 32
    jae .irq
    lea rsi, [trap_stubs]
    mov rax, [rsi + rcx * 8]
    jmp .write
.irq:
    lea eax, [rcx - 32]            ; the stub of IRQ vector (ecx - 32): group, then place
    xor edx, edx
    mov r8d, IRQ_GROUP
    div r8d
    imul eax, eax, IRQ_GROUP_BYTES
    lea rax, [rax + rdx * 4]
    lea rdx, [irq_stubs]
    add rax, rdx
.write:
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
    cmp ecx, 256
    jne .entry
    mov byte [idt + 2 * 16 + 4], IST_NMI
    mov byte [idt + 8 * 16 + 4], IST_DOUBLE_FAULT
    mov byte [idt + 14 * 16 + 4], IST_PAGE_FAULT
    mov byte [idt + 18 * 16 + 4], IST_MACHINE_CHECK
    lidt [idt_pointer]
    ret

global ukplat_interrupts_disable, ukplat_interrupts_restore, ukplat_interrupts_enable, ukplat_wait_for_interrupt
ukplat_interrupts_disable:         ; () -> the previous rflags
    pushfq
    pop rax
    cli
    ret
ukplat_interrupts_restore:         ; (ulong rflags): only IF matters
    test edi, 0x200
    jz .off
    sti
    ret
.off:
    cli
    ret
ukplat_interrupts_enable:
    sti
    ret
; Sleeps until an interrupt arrives; that interrupt is handled before this returns, and
; interrupts are off again. sti's one-instruction shadow closes the race with hlt.
ukplat_wait_for_interrupt:
    sti
    hlt
    cli
    ret

; Thread contexts: the callee-saved registers on the thread's own stack. Every switch runs
; with interrupts off and every thread resumes inside one (or, new, in its entry, which turns
; interrupts on), so rflags need no saving - popf would also cost a lot under emulation.
global ukplat_switch_context, ukplat_thread_context
ukplat_switch_context:             ; (ulong* saveSp, ulong nextSp)
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov [rdi], rsp
    mov rsp, rsi
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; (stackTop 16-aligned, entry, argument) -> the saved rsp of a thread that, when switched
; to, calls entry(argument) on a 16-aligned stack with interrupts off.
ukplat_thread_context:
    lea rax, [rdi - 72]
    mov qword [rax], 0             ; r15
    mov qword [rax + 8], 0         ; r14
    mov [rax + 16], rsi            ; r13: entry
    mov [rax + 24], rdx            ; r12: argument
    mov qword [rax + 32], 0        ; rbx
    mov qword [rax + 40], 0        ; rbp: 0 ends stack walks
    lea rcx, [thread_trampoline]
    mov [rax + 48], rcx
    ret
thread_trampoline:
    mov rdi, r12
    call r13
    ud2                            ; a thread's entry never returns
thread_trampoline_end:

STUB_NAME irq_common, irq_common_end, "irq_common (interrupt entry)"
STUB_NAME thread_trampoline, thread_trampoline_end, "thread_trampoline (thread start)"

section .data
align 16
gdt:
    dq 0
    dq 0x00AF9A000000FFFF          ; 0x08: 64-bit code
    dq 0x00CF92000000FFFF          ; 0x10: data
    dq 0, 0                        ; 0x18: TSS, filled in above
gdt_end:
gdt_pointer:
    dw gdt_end - gdt - 1
    dq gdt

section .rodata
align 8
trap_stubs:
%assign v 0
%rep 32
    dq trap_stub_%+v
  %assign v v + 1
%endrep

idt_pointer:
    dw 256 * 16 - 1
    dq idt

section .bss
alignb 16
idt: resb 256 * 16
alignb 16
tss: resb 104
alignb 16
ist_double_fault: resb 16384
ist_double_fault_top:
ist_nmi: resb 8192
ist_nmi_top:
ist_machine_check: resb 8192
ist_machine_check_top:
ist_page_fault: resb 16384
ist_page_fault_top:
