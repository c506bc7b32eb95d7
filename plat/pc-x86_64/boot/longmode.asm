; Common 32-bit path of both boot protocols: identity-map the first 4 GiB with 2 MiB pages,
; enable SSE and long mode, and call kmain(boot magic, boot information address).
bits 32

CR0_PE   equ 1 << 0
CR0_MP   equ 1 << 1
CR0_EM   equ 1 << 2
CR0_TS   equ 1 << 3
CR0_PG   equ 1 << 31
CR4_PAE  equ 1 << 5
CR4_OSFXSR equ 1 << 9
CR4_OSXMMEXCPT equ 1 << 10
EFER_MSR equ 0xC0000080
EFER_LME equ 1 << 8
PAGE_PRESENT_WRITABLE equ 0x3
PAGE_LARGE equ 0x80
; The boot stack runs kmain, and Main when no scheduler is linked. .NET's own CoreLib wants
; at least 128 KiB free before deep work (RuntimeHelpers.EnsureSufficientExecutionStack, which
; records call): the dotnet library's images get 1 MiB, as a .NET thread gets 1.5 MiB.
%ifdef UK_BCL_DOTNET
STACK_SIZE equ 1024 * 1024
%else
STACK_SIZE equ 64 * 1024
%endif

; Names code of this file for stack traces (start, end, name): the kernel's function table
; covers managed code only. The linker gathers the entries between __stub_names_start/_end.
%macro STUB_NAME 3
[section .stub_names progbits alloc noexec nowrite align=8]
    dq %1, %2, %%name
[section .rodata]
%%name: db %3, 0
__SECT__
%endmacro

section .boot.text
global boot32_common
boot32_common:
    cli
    mov esp, boot_stack_top
    mov [boot_magic], eax
    mov [boot_info], ebx

    ; PML4[0] -> PDPT; PDPT[0..3] -> four page directories of 2 MiB pages.
    mov eax, boot_pdpt
    or eax, PAGE_PRESENT_WRITABLE
    mov [boot_pml4], eax
    xor ecx, ecx
.pdpt:
    mov eax, ecx
    shl eax, 12
    add eax, boot_pd
    or eax, PAGE_PRESENT_WRITABLE
    mov [boot_pdpt + ecx * 8], eax
    inc ecx
    cmp ecx, 4
    jne .pdpt
    xor ecx, ecx
.pd:
    mov eax, ecx
    shl eax, 21
    or eax, PAGE_PRESENT_WRITABLE | PAGE_LARGE
    mov [boot_pd + ecx * 8], eax
    mov eax, ecx
    shr eax, 11                    ; high dword of the physical address
    mov [boot_pd + ecx * 8 + 4], eax
    inc ecx
    cmp ecx, 4 * 512
    jne .pd

    mov eax, boot_pml4
    mov cr3, eax
    mov eax, cr4
    or eax, CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT
    mov cr4, eax
    mov ecx, EFER_MSR
    rdmsr
    or eax, EFER_LME
    wrmsr
    mov eax, cr0
    and eax, ~(CR0_EM | CR0_TS)
    or eax, CR0_PE | CR0_MP | CR0_PG
    mov cr0, eax

    lgdt [gdt64_pointer]
    jmp 0x08:long_mode_entry

bits 64
extern kmain
extern ukplat_randomize_cookie
long_mode_entry:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax
    mov rsp, boot_stack_top
    fninit
    xor rbp, rbp
    call ukplat_randomize_cookie
    ; The upper halves of rdi/rsi are undefined after the mode switch: load them whole.
    mov edi, [boot_magic]
    mov esi, [boot_info]
    call kmain
.halt:
    cli
    hlt
    jmp .halt
long_mode_entry_end:

STUB_NAME long_mode_entry, long_mode_entry_end, "long_mode_entry (boot)"

section .rodata
align 16
gdt64:
    dq 0
    dq 0x00AF9A000000FFFF          ; 0x08: 64-bit code
    dq 0x00CF92000000FFFF          ; 0x10: data
gdt64_end:
gdt64_pointer:
    dw gdt64_end - gdt64 - 1
    dq gdt64

section .bss
align 4096
boot_pml4:  resb 4096
boot_pdpt:  resb 4096
boot_pd:    resb 4 * 4096
global boot_stack_bottom
boot_stack_bottom:
    resb STACK_SIZE
global boot_stack_top
boot_stack_top:
boot_magic: resd 1
boot_info:  resd 1
