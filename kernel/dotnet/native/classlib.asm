; CoreLib's classlib functions, indexed as NativeAOT's runtime expects them (ClassLibFunctionId):
; 0 GetRuntimeException, 1 RuntimeFailFast, 3 AppendExceptionStackFrame, 5 GetSystemArrayEEType,
; 6 OnFirstChanceException, 7 OnUnhandledException, 8-9 IDynamicCastable (weak: ILC emits them only
; when a type implements IDynamicInterfaceCastable); the rest are unused
; on Linux. The image's base address is the "OS module" handle CoreLib registers.
bits 64
default rel

extern GetRuntimeException
extern RuntimeFailFast
extern AppendExceptionStackFrame
extern GetSystemArrayEEType
extern OnFirstChanceException
extern OnUnhandledException
extern IDynamicCastableIsInterfaceImplemented:weak
extern IDynamicCastableGetInterfaceImplementation:weak
extern __image_start

section .rodata
align 8
classlib_functions:
    dq GetRuntimeException
    dq RuntimeFailFast
    dq 0
    dq AppendExceptionStackFrame
    dq 0
    dq GetSystemArrayEEType
    dq OnFirstChanceException
    dq OnUnhandledException
    dq IDynamicCastableIsInterfaceImplemented
    dq IDynamicCastableGetInterfaceImplementation

section .text
global uk_dotnet_classlib_functions
uk_dotnet_classlib_functions:
    lea rax, [classlib_functions]
    ret

global uk_dotnet_os_module
uk_dotnet_os_module:
    lea rax, [__image_start]
    ret

; Interface calls: the platform's dispatch stub asks CoreLib's cached interface dispatch.
global uk_resolve_interface_call
extern RhpResolveInterfaceMethod
uk_resolve_interface_call:
    jmp RhpResolveInterfaceMethod

; The stub a call site made at run time starts with.
global uk_dotnet_interface_dispatch_stub
extern RhpInitialDynamicInterfaceDispatch
uk_dotnet_interface_dispatch_stub:
    lea rax, [RhpInitialDynamicInterfaceDispatch]
    ret

; A call site whose cell points at a cache block (kernel/dotnet/Runtime/DispatchCells.cs):
; r11 = the cell {stub, block}, rdi = this. Compare the object's type with each entry
; {type, target} from offset 32 until an empty one (a zero type ends the list; every block
; has one past its capacity) and jump to the target; on a miss, or a null this, take the
; resolving path, which adds the type. Only rax and r10 are used: every argument register
; reaches the target intact. Entries are written once and blocks never freed, so a thread
; preempted anywhere here still jumps to a right target.
global uk_dotnet_cached_interface_dispatch
uk_dotnet_cached_interface_dispatch:
    test rdi, rdi
    jz .miss
    mov rax, [rdi]
    mov r10, [r11 + 8]
    add r10, 32
.next:
    cmp rax, [r10]
    je .hit
    cmp qword [r10], 0
    je .miss
    add r10, 16
    jmp .next
.hit:
    jmp [r10 + 8]
.miss:
    jmp RhpInitialDynamicInterfaceDispatch

global uk_dotnet_cached_dispatch_stub
uk_dotnet_cached_dispatch_stub:
    lea rax, [uk_dotnet_cached_interface_dispatch]
    ret

; The knobs ILC embedded (--runtimeknob).
global uk_dotnet_knobs
extern g_compilerEmbeddedKnobsBlob
uk_dotnet_knobs:
    lea rax, [g_compilerEmbeddedKnobsBlob]
    ret

; The boot thread's stack: (void** top) -> bottom.
global uk_dotnet_boot_stack
extern boot_stack_bottom, boot_stack_top
uk_dotnet_boot_stack:
    lea rax, [boot_stack_top]
    mov [rdi], rax
    lea rax, [boot_stack_bottom]
    ret

; CPU features CoreLib may use beyond the x86-64 baseline: none claimed.
section .data
global g_cpuFeatures
align 4
g_cpuFeatures: dd 0

section .text
; CoreLib's dispatcher entries, called by the runtime with the managed convention.
global uk_dotnet_rh_throw_ex, uk_dotnet_rh_rethrow, uk_dotnet_rh_throw_hw_ex
extern RhThrowEx, RhRethrow, RhThrowHwEx
uk_dotnet_rh_throw_ex:
    lea rax, [RhThrowEx]
    ret
uk_dotnet_rh_rethrow:
    lea rax, [RhRethrow]
    ret
uk_dotnet_rh_throw_hw_ex:
    lea rax, [RhThrowHwEx]
    ret

; void uk_dotnet_capture_caller(RegisterContext* context): the registers of the caller's frame
; as they are at the call to here (rip = the return address, rsp above it).
global uk_dotnet_capture_caller
uk_dotnet_capture_caller:
    mov rax, [rsp]
    mov [rdi + 0], rax
    lea rax, [rsp + 8]
    mov [rdi + 8], rax
    mov [rdi + 16], rbp
    mov [rdi + 24], rbx
    mov [rdi + 32], r12
    mov [rdi + 40], r13
    mov [rdi + 48], r14
    mov [rdi + 56], r15
    ret

; CoreLib's entry for new threads (Thread.ThreadEntryPoint, UnmanagedCallersOnly).
global uk_dotnet_thread_entry_point
extern ThreadEntryPoint
uk_dotnet_thread_entry_point:
    lea rax, [ThreadEntryPoint]
    ret

; Trigonometry from the x87 unit (80-bit internally, then rounded to double): Math.Sin, Cos
; and Tan. fsin/fcos/fptan take |x| < 2^63; larger arguments give NaN. The argument passes
; through a stack slot of our own (no red zone: an interrupt may use the stack below rsp).
%macro X87_ENTER 0
    sub rsp, 8
    movsd [rsp], xmm0
    fld qword [rsp]
%endmacro

%macro X87_LEAVE 0
    fstp qword [rsp]
    movsd xmm0, [rsp]
    add rsp, 8
    ret
%endmacro

global sin, cos, tan
sin:
    X87_ENTER
    fsin
    X87_LEAVE
cos:
    X87_ENTER
    fcos
    X87_LEAVE
tan:
    X87_ENTER
    fptan
    fstp st0                      ; fptan pushes 1.0 above the tangent
    X87_LEAVE

; double uk_x87_pow_positive(double x, double y): x^y for finite x > 0 as 2^(y * log2 x), in
; the x87 unit's 64-bit mantissa; special values are handled by the caller (MathFunctions).
global uk_x87_pow_positive
uk_x87_pow_positive:
    sub rsp, 16
    movsd [rsp], xmm1
    movsd [rsp + 8], xmm0
    fld qword [rsp]               ; y
    fld qword [rsp + 8]           ; x, y
    fyl2x                         ; z = y * log2 x
    fld st0                       ; z, z
    frndint                       ; n = round(z), z
    fsub st1, st0                 ; n, f = z - n (|f| <= 1/2)
    fxch st1                      ; f, n
    f2xm1                         ; 2^f - 1, n
    fld1
    faddp st1, st0                ; 2^f, n
    fscale                        ; 2^f * 2^n, n
    fstp st1                      ; result
    fstp qword [rsp]
    movsd xmm0, [rsp]
    add rsp, 16
    ret

; double fmod(double x, double y): the C remainder (sign of x), exact, by fprem (partial
; remainders until C2 reports it complete).
global fmod
fmod:
    sub rsp, 16
    movsd [rsp], xmm1
    movsd [rsp + 8], xmm0
    fld qword [rsp]               ; y
    fld qword [rsp + 8]           ; x, y
.partial:
    fprem
    fnstsw ax
    test ah, 4                    ; C2: reduction incomplete
    jnz .partial
    fstp st1
    fstp qword [rsp]
    movsd xmm0, [rsp]
    add rsp, 16
    ret
