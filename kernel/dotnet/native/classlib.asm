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

; The knobs ILC embedded (--runtimeknob).
global uk_dotnet_knobs
extern g_compilerEmbeddedKnobsBlob
uk_dotnet_knobs:
    lea rax, [g_compilerEmbeddedKnobsBlob]
    ret

; CPU features CoreLib may use beyond the x86-64 baseline: none claimed.
section .data
global g_cpuFeatures
align 4
g_cpuFeatures: dd 0
