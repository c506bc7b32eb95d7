using Uk.Core;

namespace System;

public static class Environment
{
    public static string NewLine => "\n";

    // Ends the unikernel at once with this exit code, as the process would end elsewhere.
    public static void Exit(int exitCode) => Kernel.Shutdown(exitCode);

    public static string[] GetCommandLineArgs() => Kernel.Arguments;

    // The manifest's env map and env.NAME=value kernel parameters (ProcessEnvironment).
    public static string? GetEnvironmentVariable(string variable) => ProcessEnvironment.Get(variable);

    public static int ProcessorCount => 1;

    public static int CurrentManagedThreadId => 1;
}
