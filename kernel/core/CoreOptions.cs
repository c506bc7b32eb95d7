namespace Uk.Core;

// Options of the core library (see library.yaml); the composition code sets them.
public static class CoreOptions
{
    public static string Loglevel = "info";
    public static int PanicExitCode = 127;
    // Read by the build (the link leaves the tables out when false); the panic of an
    // exception says why nothing caught it.
    public static bool UnwindTables = true;
    // What the machine does when Main returns: poweroff, reboot, halt or qemu-exit (Shutdown).
    public static string Shutdown = "qemu-exit";
}
