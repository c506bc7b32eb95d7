; The CPU's random number instructions (SysV calling convention). Both may fail for a while
; when the generator is drained (CF clear): retried a few times, then the caller is told.
bits 64
default rel

section .text

global ukplat_rdseed64
ukplat_rdseed64:                   ; (ulong* value) -> bool
    mov ecx, 32
.retry:
    rdseed rax
    jc .done
    pause
    dec ecx
    jnz .retry
    xor eax, eax
    ret
.done:
    mov [rdi], rax
    mov eax, 1
    ret

global ukplat_rdrand64
ukplat_rdrand64:                   ; (ulong* value) -> bool
    mov ecx, 10
.retry:
    rdrand rax
    jc .done
    dec ecx
    jnz .retry
    xor eax, eax
    ret
.done:
    mov [rdi], rax
    mov eax, 1
    ret

; Gives the stack-protection cookie a value of this boot before any C# runs (a frame that
; saved the old value would fail its check if it changed later): RDRAND when CPUID lists it,
; mixed with the time-stamp counter, which differs from boot to boot either way.
extern __security_cookie
global ukplat_randomize_cookie
ukplat_randomize_cookie:
    push rbx                       ; cpuid overwrites it
    mov eax, 1
    cpuid
    xor r8d, r8d
    bt ecx, 30
    jnc .mix
    mov r9d, 10
.rdrand:
    rdrand r8
    jc .mix
    dec r9d
    jnz .rdrand
    xor r8d, r8d
.mix:
    rdtsc
    shl rdx, 32
    or rax, rdx
    mov rcx, 0x9E3779B97F4A7C15    ; an odd multiplier spreads the counter's low bits
    imul rax, rcx
    xor rax, r8
    xor [rel __security_cookie], rax
    pop rbx
    ret
