; The run-time GDT: the boot GDT's code and data segments plus a TSS, whose interrupt stack
; table gives the faults that must still report when the current stack is unusable (double
; fault, NMI, machine check, page fault: a thread that overflows into its guard page) their
; own stacks.
bits 64
default rel

%define IST_DOUBLE_FAULT 1
%define IST_NMI 2
%define IST_MACHINE_CHECK 3
%define IST_PAGE_FAULT 4
%define TSS_SELECTOR 0x18

section .text

global ukplat_init_gdt
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

section .bss
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
