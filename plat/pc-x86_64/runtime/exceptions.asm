; Exception entry points and funclet calls. The two-pass dispatch itself is C#
; (kernel/runtime/Internal/Runtime/Exceptions); what it cannot do from C# is here: capture
; the registers of the frame that threw, and call a handler funclet with the callee-saved
; registers (rbp above all: funclets reach their method's locals through it) of the frame
; the handler belongs to, then, for a catch, resume that frame with its own rsp.
bits 64
default rel

; A RegisterContext (Internal.Runtime.Unwinding.RegisterContext), in its field order.
%define CONTEXT_RIP 0
%define CONTEXT_RSP 8
%define CONTEXT_RBP 16
%define CONTEXT_RBX 24
%define CONTEXT_R12 32
%define CONTEXT_R13 40
%define CONTEXT_R14 48
%define CONTEXT_R15 56

%macro STUB_NAME 3
[section .stub_names progbits alloc noexec nowrite align=8]
    dq %1, %2, %%name
[section .rodata]
%%name: db %3, 0
__SECT__
%endmacro

section .text
extern uk_dispatch_throw, uk_dispatch_rethrow, uk_dispatch_hardware_fault

; Pushes a RegisterContext: rip %1, rsp %2, and the callee-saved registers as they are.
%macro PUSH_CONTEXT 2
    push r15
    push r14
    push r13
    push r12
    push rbx
    push rbp
    push %2
    push %1
%endmacro

; On entry [rsp] is the return address into the throwing frame. Pushes that frame's
; RegisterContext: its rip (the return address), its rsp (above the return address) and
; the callee-saved registers, which nothing has touched yet.
%macro PUSH_CALLER_CONTEXT 0
    lea rax, [rsp + 8]
    mov rcx, [rsp]
    PUSH_CONTEXT rcx, rax
%endmacro

; `throw`: rdi = the exception object.
global RhpThrowEx
RhpThrowEx:
    PUSH_CALLER_CONTEXT
    mov rsi, rsp
    and rsp, -16
    call uk_dispatch_throw
    int3
RhpThrowEx_end:

; `throw;` inside a catch funclet.
global RhpRethrow
RhpRethrow:
    PUSH_CALLER_CONTEXT
    mov rdi, rsp
    and rsp, -16
    call uk_dispatch_rethrow
    int3
RhpRethrow_end:

; A CPU fault in managed code that .NET raises as an exception. The trap handler returns
; here instead of to the faulting instruction, with the faulting rsp, rsi = the faulting
; rip + 1, and the fault in rdi (vector), rdx (error code) and rcx (fault address): the
; context then reads as if the faulting instruction had called this, and the unwinder's
; "return address - 1" is that instruction. The exception is made by the dispatcher, on this
; stack. (Pushing a return address from the trap handler would overwrite its own iretq frame
; when the fault arrived on the same stack.)
global uk_throw_hardware_fault
uk_throw_hardware_fault:
    mov rax, rsp
    PUSH_CONTEXT rsi, rax
    mov rsi, rdi                     ; vector; rdx and rcx are in place
    mov rdi, rsp
    and rsp, -16                     ; a fault can come where rsp is not call-aligned
    call uk_dispatch_hardware_fault
    int3
uk_throw_hardware_fault_end:

; The funclet calls keep the dispatcher's FuncletRecord pointer at the funclet's CFA (the
; word just above its return address), so a walk that unwinds out of a funclet finds which
; frame the funclet belongs to and which clause it runs (Exceptions/FuncletRecord.cs).
%macro SAVE_CALLEE_SAVED 0
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
%endmacro

%macro RESTORE_CALLEE_SAVED 0
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
%endmacro

; Loads the callee-saved registers of the frame the funclet belongs to from the context at %1.
%macro LOAD_FRAME_REGISTERS 1
    mov rbx, [%1 + CONTEXT_RBX]
    mov r12, [%1 + CONTEXT_R12]
    mov r13, [%1 + CONTEXT_R13]
    mov r14, [%1 + CONTEXT_R14]
    mov r15, [%1 + CONTEXT_R15]
    mov rbp, [%1 + CONTEXT_RBP]
%endmacro

; void uk_call_catch_funclet(object exception, void* handler, RegisterContext* frame,
;                            FuncletRecord* record) - does not return: the catch funclet
; returns where its method continues, which runs on the method's own stack.
global uk_call_catch_funclet
uk_call_catch_funclet:
    SAVE_CALLEE_SAVED
    push rcx                         ; the record, at the funclet's CFA; rsp is 16-byte aligned
    LOAD_FRAME_REGISTERS rdx
    call rsi
uk_catch_funclet_return:
    mov rcx, [rsp]                   ; the record; its first field is the frame's context
    mov rcx, [rcx]
    mov rsp, [rcx + CONTEXT_RSP]
    jmp rax
uk_call_catch_funclet_end:

; void uk_call_finally_funclet(void* handler, RegisterContext* frame, FuncletRecord* record)
global uk_call_finally_funclet
uk_call_finally_funclet:
    SAVE_CALLEE_SAVED
    push rdx
    LOAD_FRAME_REGISTERS rsi
    call rdi
uk_finally_funclet_return:
    add rsp, 8
    RESTORE_CALLEE_SAVED
    ret
uk_call_finally_funclet_end:

; int uk_call_filter_funclet(object exception, void* filter, RegisterContext* frame,
;                            FuncletRecord* record): non-zero when the filter accepts.
global uk_call_filter_funclet
uk_call_filter_funclet:
    SAVE_CALLEE_SAVED
    push rcx
    LOAD_FRAME_REGISTERS rdx
    call rsi
uk_filter_funclet_return:
    add rsp, 8
    RESTORE_CALLEE_SAVED
    ret
uk_call_filter_funclet_end:

; void uk_resume_after_filter(RegisterContext* filterCall): an exception escaped the filter
; that uk_call_filter_funclet called; continue that call as if the filter returned 0.
; filterCall holds the return address into it and the rsp just above, where its record
; pointer and saved registers still are.
global uk_resume_after_filter
uk_resume_after_filter:
    mov rcx, [rdi + CONTEXT_RIP]
    mov rsp, [rdi + CONTEXT_RSP]
    xor eax, eax
    jmp rcx

; FuncletRecord* uk_funclet_record(ulong returnAddress, ulong cfa): the record a funclet call
; left at cfa when returnAddress returns into one of the calls above, else null.
global uk_funclet_record
uk_funclet_record:
    xor eax, eax
    lea rcx, [uk_catch_funclet_return]
    cmp rdi, rcx
    je .found
    lea rcx, [uk_finally_funclet_return]
    cmp rdi, rcx
    je .found
    lea rcx, [uk_filter_funclet_return]
    cmp rdi, rcx
    je .found
    ret
.found:
    mov rax, [rsi]
    ret

; The image's .eh_frame_hdr (link.ld), or null when the image was linked without unwind
; tables (core.unwind-tables: false): the empty section's start would point at whatever
; follows it.
global uk_eh_frame_hdr
extern __eh_frame_hdr_start
extern __eh_frame_hdr_end
uk_eh_frame_hdr:
    lea rax, [__eh_frame_hdr_start]
    lea rcx, [__eh_frame_hdr_end]
    cmp rax, rcx
    jne .done
    xor eax, eax
.done:
    ret

; Where the trap handler sends a faulting thread to raise the exception.
global uk_hardware_fault_entry
uk_hardware_fault_entry:
    lea rax, [uk_throw_hardware_fault]
    ret

STUB_NAME RhpThrowEx, RhpThrowEx_end, "RhpThrowEx (throw)"
STUB_NAME RhpRethrow, RhpRethrow_end, "RhpRethrow (rethrow)"
STUB_NAME uk_throw_hardware_fault, uk_throw_hardware_fault_end, "uk_throw_hardware_fault (fault raised as exception)"
STUB_NAME uk_call_catch_funclet, uk_call_catch_funclet_end, "uk_call_catch_funclet"
STUB_NAME uk_call_finally_funclet, uk_call_finally_funclet_end, "uk_call_finally_funclet"
STUB_NAME uk_call_filter_funclet, uk_call_filter_funclet_end, "uk_call_filter_funclet"
