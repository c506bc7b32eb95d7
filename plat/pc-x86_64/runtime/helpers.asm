; Runtime helpers that ILC-generated code calls by symbol and that must be written in
; assembly: transitions, write barriers, the interface dispatch stub, memory primitives.
bits 64
default rel

section .data
align 8
; The JIT polls this in loops and epilogues; non-zero would ask for a GC suspension.
global RhpTrapThreads
RhpTrapThreads: dd 0

section .text

; Reverse P/Invoke and P/Invoke transitions: one thread, no GC suspension, nothing to track.
global RhpReversePInvoke, RhpReversePInvokeReturn, RhpPInvoke, RhpPInvokeReturn, RhpGcPoll
RhpReversePInvoke:
RhpReversePInvokeReturn:
RhpPInvoke:
RhpPInvokeReturn:
RhpGcPoll:
    ret

; Stack probes: the boot stack has no guard page yet, so there is nothing to touch.
global RhpStackProbe
RhpStackProbe:
    ret

; Write barriers: a non-generational heap needs only the store. The JIT assumes they clobber
; almost nothing, which is why they are here and not in C#.
global RhpAssignRef, RhpCheckedAssignRef, RhpAssignRefAVLocation, RhpCheckedAssignRefAVLocation
RhpAssignRef:
RhpCheckedAssignRef:
RhpAssignRefAVLocation:
RhpCheckedAssignRefAVLocation:
    mov [rdi], rsi
    ret

; rdi = destination, rsi = source; both advance by 8. Clobbers rcx.
global RhpByRefAssignRef, RhpByRefAssignRefAVLocation1, RhpByRefAssignRefAVLocation2
RhpByRefAssignRef:
RhpByRefAssignRefAVLocation1:
    mov rcx, [rsi]
RhpByRefAssignRefAVLocation2:
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    ret

; Interface call: r11 = call-site cell, rdi = this. Keep every argument register (including
; xmm0-7) intact, ask the managed resolver for the target, then jump to it.
global RhpInitialDynamicInterfaceDispatch, RhpInitialInterfaceDispatch
extern uk_resolve_interface_call
RhpInitialDynamicInterfaceDispatch:
RhpInitialInterfaceDispatch:
    push rbp
    mov rbp, rsp
    push rdi
    push rsi
    push rdx
    push rcx
    push r8
    push r9
    sub rsp, 8 * 16                ; xmm0-7; rsp stays 16-byte aligned for the call (SysV)
    movdqu [rsp + 0 * 16], xmm0
    movdqu [rsp + 1 * 16], xmm1
    movdqu [rsp + 2 * 16], xmm2
    movdqu [rsp + 3 * 16], xmm3
    movdqu [rsp + 4 * 16], xmm4
    movdqu [rsp + 5 * 16], xmm5
    movdqu [rsp + 6 * 16], xmm6
    movdqu [rsp + 7 * 16], xmm7
    mov rsi, r11
    call uk_resolve_interface_call
    mov r11, rax
    movdqu xmm0, [rsp + 0 * 16]
    movdqu xmm1, [rsp + 1 * 16]
    movdqu xmm2, [rsp + 2 * 16]
    movdqu xmm3, [rsp + 3 * 16]
    movdqu xmm4, [rsp + 4 * 16]
    movdqu xmm5, [rsp + 5 * 16]
    movdqu xmm6, [rsp + 6 * 16]
    movdqu xmm7, [rsp + 7 * 16]
    add rsp, 8 * 16
    pop r9
    pop r8
    pop rcx
    pop rdx
    pop rsi
    pop rdi
    pop rbp
    jmp r11

global RhpFallbackFailFast, RhDebugBreak
extern uk_fail_fast
RhpFallbackFailFast:
    jmp uk_fail_fast
RhDebugBreak:
    int3
    ret

global memset, memcpy, memmove
; rdi = destination, esi = byte, rdx = count
memset:
    mov r8, rdi
    mov eax, esi
    mov rcx, rdx
    rep stosb
    mov rax, r8
    ret
; rdi = destination, rsi = source, rdx = count
memcpy:
    mov rax, rdi
    mov rcx, rdx
    rep movsb
    ret
memmove:
    mov rax, rdi
    mov rcx, rdx
    cmp rdi, rsi
    jbe .forward
    lea r8, [rsi + rdx]
    cmp rdi, r8
    jae .forward
    lea rsi, [rsi + rdx - 1]
    lea rdi, [rdi + rdx - 1]
    std
    rep movsb
    cld
    ret
.forward:
    rep movsb
    ret

section .data
align 8
; Stack-protection cookie that ILC-generated code checks in functions with stack buffers.
global __security_cookie
__security_cookie: dq 0x2B992DDFA2324D5E
