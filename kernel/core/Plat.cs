using System.Runtime.InteropServices;

namespace Uk.Core;

// The platform API: symbols every platform provides (in NASM or C#), bound at link time.
public static unsafe class Plat
{
    [DllImport("*", EntryPoint = "ukplat_terminate"), SuppressGCTransition]
    public static extern void Terminate(int exitCode);

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

    [DllImport("*", EntryPoint = "ukplat_image_bounds"), SuppressGCTransition]
    public static extern void GetImageBounds(ImageBounds* bounds);
}
