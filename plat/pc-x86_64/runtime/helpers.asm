; Runtime helpers that ILC-generated code calls by symbol and that must be written in
; assembly: transitions, write barriers, the interface dispatch stub, memory primitives.
bits 64
default rel

; Store/load xmm0..xmm(N-1) at [rsp + i * 16]: the caller reserved N * 16 bytes there.
%macro SAVE_XMM 1
%assign i 0
%rep %1
    movdqu [rsp + i * 16], xmm %+ i
%assign i i + 1
%endrep
%endmacro

%macro RESTORE_XMM 1
%assign i 0
%rep %1
    movdqu xmm %+ i, [rsp + i * 16]
%assign i i + 1
%endrep
%endmacro

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

; Write barriers. Outside incremental marking they only store. While a collector marks
; incrementally (uk_gc_barrier's first word non-zero) they record the value the store
; overwrites (snapshot-at-the-beginning, Yuasa deletion barrier), so an object reachable when
; marking began stays marked even if its last reference moves to an already traced object.
; They record the value stored too (Dijkstra insertion barrier): ILC/RyuJIT emit no barrier
; for a store of null (`field = null` is a plain mov), so a deletion can escape the snapshot;
; an object whose last snapshot path was cut that way and which was then stored into an
; already traced object would be freed while live. Shading every stored reference keeps
; traced objects from pointing at unmarked ones; the final pause rescans the stacks, where
; the only other copies can be.
; The old value is read and the store made before the flag is tested: a thread preempted
; anywhere in between holds the old value in rax (saved on its own stack, which the initial
; pause scans), so marking that starts meanwhile still sees it. The JIT assumes these clobber
; almost nothing, which is why they are here and not in C#: only the flags change.
BARRIER_ENTRIES equ 1024

section .bss
align 16
; {marking flag, entry count, flush function, BARRIER_ENTRIES entries}: Uk.Gc's BarrierState.
global uk_gc_barrier
uk_gc_barrier: resq 3 + BARRIER_ENTRIES

section .text
global uk_gc_barrier_state, uk_gc_barrier_capacity
uk_gc_barrier_state:
    lea rax, [uk_gc_barrier]
    ret
uk_gc_barrier_capacity:
    mov eax, BARRIER_ENTRIES
    ret

global RhpAssignRef, RhpCheckedAssignRef, RhpAssignRefAVLocation, RhpCheckedAssignRefAVLocation
RhpAssignRef:
RhpCheckedAssignRef:
    push rax
RhpAssignRefAVLocation:
RhpCheckedAssignRefAVLocation:
    mov rax, [rdi]
    mov [rdi], rsi
    cmp qword [uk_gc_barrier], 0
    jne .record
    pop rax
    ret
.record:
    call uk_gc_barrier_record
    mov rax, rsi
    call uk_gc_barrier_record
    pop rax
    ret

; rdi = destination, rsi = source; both advance by 8. Clobbers rcx.
global RhpByRefAssignRef, RhpByRefAssignRefAVLocation1, RhpByRefAssignRefAVLocation2
RhpByRefAssignRef:
    push rax
RhpByRefAssignRefAVLocation1:
    mov rcx, [rsi]
RhpByRefAssignRefAVLocation2:
    mov rax, [rdi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    cmp qword [uk_gc_barrier], 0
    jne .record
    pop rax
    ret
.record:
    call uk_gc_barrier_record
    mov rax, rcx
    call uk_gc_barrier_record
    pop rax
    ret

; The interlocked exchanges of references (Interlocked.Exchange/CompareExchange on objects,
; which CoreLib's tasks and concurrent collections live on) are barriered stores too: a swap
; that stores while the collector marks records the reference it overwrote and the one it
; stored, as RhpAssignRef does. Only .NET's CoreLib calls them (the minimal corlib has no
; object exchanges).
; rdi = location, rsi = value, rdx = comparand; returns the previous value in rax.
global RhpCheckedLockCmpXchg
RhpCheckedLockCmpXchg:
    mov rax, rdx
    lock cmpxchg [rdi], rsi
    jne .unchanged
    cmp qword [uk_gc_barrier], 0
    jne .record
.unchanged:
    ret
.record:
    push rax
    call uk_gc_barrier_record
    mov rax, rsi
    call uk_gc_barrier_record
    pop rax
    ret

; rdi = location, rsi = value; returns the previous value in rax.
global RhpCheckedXchg
RhpCheckedXchg:
    mov rax, rsi
    xchg [rdi], rax
    cmp qword [uk_gc_barrier], 0
    jne .record
    ret
.record:
    push rax
    call uk_gc_barrier_record
    mov rax, rsi
    call uk_gc_barrier_record
    pop rax
    ret

; rax = an overwritten reference (may be null). Appends it to the buffer with interrupts off
; (a thread switch between reading the count and writing it back would lose an entry); when
; the buffer is full, the collector's flush function shades every entry and empties it. Keeps
; every register but the flags.
uk_gc_barrier_record:
    test rax, rax
    jz .done
    pushfq
    cli
    push rcx
    ; Marking may have finished while this thread was preempted after the test: drop the value.
    cmp qword [uk_gc_barrier], 0
    je .restore
    mov rcx, [uk_gc_barrier + 8]
    cmp rcx, BARRIER_ENTRIES
    jb .append
    call uk_gc_barrier_flush
    mov rcx, [uk_gc_barrier + 8]
.append:
    push rdx
    lea rdx, [uk_gc_barrier + 24]
    mov [rdx + rcx * 8], rax
    pop rdx
    inc rcx
    mov [uk_gc_barrier + 8], rcx
.restore:
    pop rcx
    popfq
.done:
    ret

; Calls the flush function (uk_gc_barrier + 16) keeping every register the System V
; convention lets a callee clobber, rax included, and xmm0-15.
uk_gc_barrier_flush:
    push rbp
    mov rbp, rsp
    and rsp, -16
    push rax
    push rcx
    push rdx
    push rsi
    push rdi
    push r8
    push r9
    push r10
    push r11
    sub rsp, 8 + 16 * 16
    SAVE_XMM 16
    call [uk_gc_barrier + 16]
    RESTORE_XMM 16
    add rsp, 8 + 16 * 16
    pop r11
    pop r10
    pop r9
    pop r8
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rax
    mov rsp, rbp
    pop rbp
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
    SAVE_XMM 8
    mov rsi, r11
    call uk_resolve_interface_call
    mov r11, rax
    RESTORE_XMM 8
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
; Eight bytes per iteration, then the tail: under emulation every iteration of a rep-prefixed
; instruction costs about the same whatever its width.
; rdi = destination, esi = byte, rdx = count
memset:
    mov r8, rdi
    movzx eax, sil
    mov r9, 0x0101010101010101
    imul rax, r9
    mov rcx, rdx
    shr rcx, 3
    rep stosq
    mov ecx, edx
    and ecx, 7
    rep stosb
    mov rax, r8
    ret
; rdi = destination, rsi = source, rdx = count
memcpy:
    mov rax, rdi
.forward:
    mov rcx, rdx
    shr rcx, 3
    rep movsq
    mov ecx, edx
    and ecx, 7
    rep movsb
    ret
memmove:
    mov rax, rdi
    cmp rdi, rsi
    jbe memcpy.forward
    lea r8, [rsi + rdx]
    cmp rdi, r8
    jae memcpy.forward
    ; Overlapping with the destination above: copy downwards, the tail bytes first.
    lea rsi, [rsi + rdx - 1]
    lea rdi, [rdi + rdx - 1]
    std
    mov ecx, edx
    and ecx, 7
    rep movsb
    sub rsi, 7
    sub rdi, 7
    mov rcx, rdx
    shr rcx, 3
    rep movsq
    cld
    ret

section .data
align 8
; Stack-protection cookie that ILC-generated code checks in functions with stack buffers.
global __security_cookie
__security_cookie: dq 0x2B992DDFA2324D5E
