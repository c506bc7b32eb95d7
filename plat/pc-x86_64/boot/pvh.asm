; PVH entry for direct boot (`qemu -kernel app.elf`): QEMU finds this ELF note and enters
; pvh_start32 in 32-bit protected mode with ebx = the physical address of hvm_start_info.
bits 32

XEN_ELFNOTE_PHYS32_ENTRY equ 18
PVH_START_MAGIC          equ 0x336EC578

section .note.Xen note alloc noexec nowrite align=4
    dd 4                         ; name size
    dd 4                         ; descriptor size
    dd XEN_ELFNOTE_PHYS32_ENTRY
    db "Xen", 0
    dd pvh_start32

section .boot.text progbits alloc exec nowrite align=16
global pvh_start32
extern boot32_common
pvh_start32:
    ; Report the PVH magic as the boot protocol so kmain knows how to read ebx.
    mov eax, PVH_START_MAGIC
    jmp boot32_common
