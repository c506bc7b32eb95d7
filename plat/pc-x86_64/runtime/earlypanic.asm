; The last resort when the kernel's console cannot be used (before it exists, or when the
; heap is exhausted and formatting would allocate): print straight to COM1 and stop.
bits 64
default rel

COM1 equ 0x3F8
DEBUG_EXIT_PORT equ 0xF4
EARLY_PANIC_EXIT equ 0x7F

section .rodata
prefix: db 13, 10, "PANIC: "
prefix_length equ $ - prefix

section .text
global uk_early_panic, uk_fail_fast
; rdi = UTF-16 message, esi = length in characters
uk_early_panic:
    mov r8, rdi
    mov r9d, esi
    lea rdi, [prefix]
    mov ecx, prefix_length
.prefix:
    mov al, [rdi]
    call put_byte
    inc rdi
    dec ecx
    jnz .prefix
.message:
    test r9d, r9d
    jz .done
    mov al, [r8]
    call put_byte
    add r8, 2
    dec r9d
    jmp .message
.done:
    mov al, 13
    call put_byte
    mov al, 10
    call put_byte
uk_fail_fast:
    mov dx, DEBUG_EXIT_PORT
    mov eax, EARLY_PANIC_EXIT
    out dx, eax
.halt:
    cli
    hlt
    jmp .halt

; al = byte; waits for the transmitter to be empty. Preserves everything but rdx.
put_byte:
    push rax
    mov dx, COM1 + 5
.wait:
    in al, dx
    test al, 0x20
    jz .wait
    pop rax
    mov dx, COM1
    out dx, al
    ret
