; Multiboot2 header and entry: GRUB (the ISO path) enters here in 32-bit protected mode
; with eax = the multiboot2 magic and ebx = the physical address of the boot information.
bits 32

MB2_MAGIC        equ 0xE85250D6
MB2_ARCH_I386    equ 0
MB2_TAG_FRAMEBUFFER equ 5
MB2_TAG_OPTIONAL    equ 1

section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header_start:
    dd MB2_MAGIC
    dd MB2_ARCH_I386
    dd mb2_header_end - mb2_header_start
    dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header_start))
%ifdef UK_FRAMEBUFFER_CONSOLE
    ; Only images with a framebuffer console (fbcons) ask for a graphics mode: under BIOS it
    ; replaces VGA text mode, which vgacons writes to. Optional, so a loader without one
    ; still boots the image (fbcons then finds no framebuffer and says so).
    dw MB2_TAG_FRAMEBUFFER
    dw MB2_TAG_OPTIONAL
    dd 20
    dd 1024                     ; preferred width, height and bits per pixel
    dd 768
    dd 32
    align 8, db 0
%endif
    ; end tag
    dw 0
    dw 0
    dd 8
mb2_header_end:

section .boot.text progbits alloc exec nowrite align=16
global _start
extern boot32_common
_start:
    jmp boot32_common
