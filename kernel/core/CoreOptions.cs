namespace Uk.Core;

// Options of the core library (see library.yaml); the composition code sets them.
public static class CoreOptions
{
    public static string Loglevel = "info";
    public static int PanicExitCode = 127;
}
