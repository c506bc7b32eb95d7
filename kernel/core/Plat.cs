using System.Runtime.InteropServices;

namespace Uk.Core;

// The platform API: symbols every platform provides (in NASM or C#), bound at link time.
public static unsafe class Plat
{
    // QEMU's isa-debug-exit, then a halt: what a panic ends with.
    [DllImport("*", EntryPoint = "ukplat_terminate"), SuppressGCTransition]
    public static extern void Terminate(int exitCode);

    // Ends QEMU with the exit code when it has an isa-debug-exit device; returns otherwise.
    [DllImport("*", EntryPoint = "ukplat_qemu_exit"), SuppressGCTransition]
    public static extern void QemuExit(int exitCode);

    // Restarts the machine without firmware help (on PCs: the 8042, then a triple fault).
    [DllImport("*", EntryPoint = "ukplat_reset"), SuppressGCTransition]
    public static extern void Reset();

    [DllImport("*", EntryPoint = "ukplat_halt"), SuppressGCTransition]
    public static extern void Halt();

    [DllImport("*", EntryPoint = "ukplat_pause"), SuppressGCTransition]
    public static extern void Pause();

    [DllImport("*", EntryPoint = "ukplat_read_tsc"), SuppressGCTransition]
    public static extern ulong ReadTimestampCounter();

    // Prints straight to COM1 and ends the machine; for panics before any console exists.
    [DllImport("*", EntryPoint = "uk_early_panic"), SuppressGCTransition]
    public static extern void EarlyPanic(char* message, int length);

    [DllImport("*", EntryPoint = "ukplat_capture_registers"), SuppressGCTransition]
    public static extern void CaptureRegisters(RegisterState* state);

    // rflags before; interrupts are off after. Pair with RestoreInterrupts.
    [DllImport("*", EntryPoint = "ukplat_interrupts_disable"), SuppressGCTransition]
    public static extern ulong DisableInterrupts();

    // Turns interrupts back on only if the rflags DisableInterrupts returned had them on.
    [DllImport("*", EntryPoint = "ukplat_interrupts_restore"), SuppressGCTransition]
    public static extern void RestoreInterrupts(ulong rflags);

    [DllImport("*", EntryPoint = "ukplat_interrupts_enable"), SuppressGCTransition]
    public static extern void EnableInterrupts();

    // Halts until an interrupt arrives and has been handled; called and returns with interrupts off.
    [DllImport("*", EntryPoint = "ukplat_wait_for_interrupt"), SuppressGCTransition]
    public static extern void WaitForInterrupt();

    // Saves the running thread's context, storing its stack pointer at *saveSp, and resumes
    // the context saved at nextSp. Called with interrupts off.
    [DllImport("*", EntryPoint = "ukplat_switch_context"), SuppressGCTransition]
    public static extern void SwitchContext(ulong* saveSp, ulong nextSp);

    // A context that, switched to, calls entry(argument) on the stack below stackTop.
    [DllImport("*", EntryPoint = "ukplat_thread_context"), SuppressGCTransition]
    public static extern ulong NewThreadContext(ulong stackTop, delegate* unmanaged<nint, void> entry, nint argument);

    [DllImport("*", EntryPoint = "ukplat_image_bounds"), SuppressGCTransition]
    public static extern void GetImageBounds(ImageBounds* bounds);

    // The platform's names for its assembly code: (start, end, ASCII name) triples up to *end.
    [DllImport("*", EntryPoint = "ukplat_stub_names"), SuppressGCTransition]
    public static extern ulong* GetStubNames(ulong** end);
}
