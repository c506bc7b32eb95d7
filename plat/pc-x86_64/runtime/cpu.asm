; CPU and port instructions that C# reaches through DllImport("*") (SysV calling convention).
bits 64
default rel

section .text

global ukplat_outb, ukplat_outw, ukplat_outd, ukplat_inb, ukplat_inw, ukplat_ind
ukplat_outb:                       ; (ushort port, byte value)
    mov dx, di
    mov al, sil
    out dx, al
    ret
ukplat_outw:
    mov dx, di
    mov ax, si
    out dx, ax
    ret
ukplat_outd:
    mov dx, di
    mov eax, esi
    out dx, eax
    ret
ukplat_inb:                        ; (ushort port) -> byte
    mov dx, di
    xor eax, eax
    in al, dx
    ret
ukplat_inw:
    mov dx, di
    xor eax, eax
    in ax, dx
    ret
ukplat_ind:
    mov dx, di
    in eax, dx
    ret

global ukplat_halt, ukplat_pause
ukplat_halt:                       ; stop for good
    cli
.again:
    hlt
    jmp .again
ukplat_pause:
    pause
    ret

global ukplat_read_tsc
ukplat_read_tsc:
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret

; Fills a RegisterState (see Uk.Core.RegisterState) with the caller's registers.
global ukplat_capture_registers
ukplat_capture_registers:          ; (RegisterState* state)
    mov [rdi + 0 * 8], rax
    mov [rdi + 1 * 8], rbx
    mov [rdi + 2 * 8], rcx
    mov [rdi + 3 * 8], rdx
    mov [rdi + 4 * 8], rsi
    mov [rdi + 5 * 8], rdi
    mov [rdi + 6 * 8], rbp
    lea rax, [rsp + 8]
    mov [rdi + 7 * 8], rax         ; the caller's rsp
    mov [rdi + 8 * 8], r8
    mov [rdi + 9 * 8], r9
    mov [rdi + 10 * 8], r10
    mov [rdi + 11 * 8], r11
    mov [rdi + 12 * 8], r12
    mov [rdi + 13 * 8], r13
    mov [rdi + 14 * 8], r14
    mov [rdi + 15 * 8], r15
    mov rax, [rsp]
    mov [rdi + 16 * 8], rax        ; rip: the return address into the caller
    pushfq
    pop rax
    mov [rdi + 17 * 8], rax
    mov rax, cr0
    mov [rdi + 18 * 8], rax
    mov rax, cr2
    mov [rdi + 19 * 8], rax
    mov rax, cr3
    mov [rdi + 20 * 8], rax
    mov rax, cr4
    mov [rdi + 21 * 8], rax
    ret

; Linker-script symbols the runtime needs at start-up.
global ukplat_image_bounds
extern __image_start, __image_end, __modules_start, __modules_end, __text_end, __rodata_end
ukplat_image_bounds:               ; (ImageBounds* bounds)
    lea rax, [__image_start]
    mov [rdi + 0], rax
    lea rax, [__image_end]
    mov [rdi + 8], rax
    lea rax, [__modules_start]
    mov [rdi + 16], rax
    lea rax, [__modules_end]
    mov [rdi + 24], rax
    lea rax, [__text_end]
    mov [rdi + 32], rax
    lea rax, [__rodata_end]
    mov [rdi + 40], rax
    ret

; The names the NASM files give their code for stack traces: (start, end, name) triples.
global ukplat_stub_names
extern __stub_names_start, __stub_names_end
ukplat_stub_names:                 ; (ulong** end) -> start
    lea rax, [__stub_names_end]
    mov [rdi], rax
    lea rax, [__stub_names_start]
    ret

; The lowest address of the boot stack, on which kmain and (without a scheduler) Main run.
global ukplat_boot_stack_bottom
extern boot_stack_bottom
ukplat_boot_stack_bottom:
    lea rax, [boot_stack_bottom]
    ret

; Switches to the page tables at rdi: no-execute bits need EFER.NXE first, and CR0.WP makes
; read-only pages read-only for the kernel too.
EFER_MSR equ 0xC0000080
global ukplat_enable_paging
ukplat_enable_paging:              ; (ulong pml4)
    mov ecx, EFER_MSR
    rdmsr
    or eax, 1 << 11
    wrmsr
    mov cr3, rdi
    mov rax, cr0
    or rax, 1 << 16
    mov cr0, rax
    ret

; QEMU's isa-debug-exit turns a write into the process exit status ((code << 1) | 1).
; Without the device nothing answers the port and the write is lost: the caller goes on.
DEBUG_EXIT_PORT equ 0xF4
global ukplat_qemu_exit
ukplat_qemu_exit:                  ; (int code)
    mov eax, edi
    mov dx, DEBUG_EXIT_PORT
    out dx, eax
    ret

; Ends the machine after a panic: QEMU's exit with the code, else a halt that keeps the
; panic on the screen.
global ukplat_terminate
ukplat_terminate:                  ; (int code)
    call ukplat_qemu_exit
    jmp ukplat_halt

; Restarts the machine without the firmware's help: the 8042 keyboard controller's reset
; line (most PCs and VMs), then a triple fault (an exception with no IDT to take it), which
; every x86 turns into a reset.
KBC_STATUS equ 0x64
KBC_INPUT_FULL equ 0x02
KBC_PULSE_RESET equ 0xFE
global ukplat_reset
ukplat_reset:
    cli
    mov ecx, 0x10000               ; a machine without an 8042 reads 0xFF: do not wait forever
.wait:
    in al, KBC_STATUS
    test al, KBC_INPUT_FULL
    jz .pulse
    dec ecx
    jnz .wait
.pulse:
    mov al, KBC_PULSE_RESET
    out KBC_STATUS, al
    mov ecx, 0x100000              ; give the reset line time (port 0x80 writes take ~1 us)
.settle:
    out 0x80, al
    dec ecx
    jnz .settle
    lidt [empty_idt]
    int3
    jmp ukplat_halt

section .rodata
empty_idt:
    dw 0
    dq 0
section .text

global ukplat_invalidate_page
ukplat_invalidate_page:            ; (ulong virtualAddress)
    invlpg [rdi]
    ret
