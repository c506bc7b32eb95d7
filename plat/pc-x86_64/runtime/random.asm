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
