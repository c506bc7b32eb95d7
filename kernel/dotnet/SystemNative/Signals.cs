using System.Runtime.InteropServices;

namespace Uk.Dotnet.SystemNative;

// POSIX signals (PosixSignalRegistration, which ASP.NET Core's console lifetime registers
// for SIGINT, SIGQUIT and SIGTERM): registration succeeds as on Linux, and no signal ever
// arrives, because nothing outside the image can send one.
internal static unsafe class Signals
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetPlatformSignalNumber")]
    private static int PlatformNumber(int signal) => signal switch
    {
        // System.Runtime.InteropServices.PosixSignal's values, then Linux's numbers as they are.
        -1 => 1,   // SIGHUP
        -2 => 2,   // SIGINT
        -3 => 3,   // SIGQUIT
        -4 => 15,  // SIGTERM
        -5 => 17,  // SIGCHLD
        -6 => 18,  // SIGCONT
        -7 => 28,  // SIGWINCH
        -8 => 21,  // SIGTTIN
        -9 => 22,  // SIGTTOU
        -10 => 20, // SIGTSTP
        > 0 and < 65 => signal,
        _ => 0,
    };

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetPosixSignalHandler")]
    private static void SetHandler(void* handler)
    {
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_EnablePosixSignalHandling")]
    private static int Enable(int signal) => 1;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_DisablePosixSignalHandling")]
    private static void Disable(int signal)
    {
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_HandleNonCanceledPosixSignal")]
    private static void HandleNonCanceled(int signal)
    {
    }
}
