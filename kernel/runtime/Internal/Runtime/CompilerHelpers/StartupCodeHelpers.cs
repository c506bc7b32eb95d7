using System;

namespace Internal.Runtime.CompilerHelpers;

// ILC's generated __managed__Main calls these by name around the application's Main.
internal static unsafe class StartupCodeHelpers
{
    private static string[]? s_arguments;
    private static int s_exitCode;

    private static void InitializeCommandLineArgs(int argc, sbyte** argv)
    {
        // argv[0] is the image name, as on other systems; Main sees the rest.
        int count = argc > 0 ? argc - 1 : 0;
        string[] arguments = new string[count];
        for (int i = 0; i < count; i++)
            arguments[i] = new string(argv[i + 1]);
        s_arguments = arguments;
    }

    private static string[] GetMainMethodArguments() => s_arguments ?? new string[0];

    private static void RunModuleInitializers() => ModuleSections.RunModuleInitializers();

    private static void SetLatchedExitCode(int exitCode) => s_exitCode = exitCode;

    private static int Shutdown() => s_exitCode;
}
