using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Core;

// The platform-independent half of kmain: wire the image, run the init classes, run the
// application's Main, and shut down with its exit code.
public static unsafe class Kernel
{
    private static string[] s_arguments = new string[0];

    public static BootInfo? Boot { get; private set; }

    // The kernel's page tables, for mappings made at run time.
    public static IAddressSpace? AddressSpace { get; private set; }

    // argv as the application sees it: the image name, then its arguments.
    public static string[] Arguments => s_arguments;

#if UK_BCL_DOTNET
    // Blocks for the first byte, then takes what else has arrived; 0 (end of input) without
    // an input device.
    private static int ReadConsoleInput(System.Span<byte> buffer)
    {
        if (buffer.Length == 0)
            return 0;
        int first = ConsoleInput.ReadByte();
        if (first == ConsoleInput.NoDevice)
            return 0;
        buffer[0] = (byte)first;
        return 1 + ConsoleInput.ReadAvailable(buffer.Slice(1));
    }
#endif

    public static void Start(BootInfo boot, IAddressSpace addressSpace)
    {
        Boot = boot;
        AddressSpace = new SerializedAddressSpace(addressSpace);
        RuntimeFailure.InstallPanicHandler(&Panic.FromRuntime);
        RuntimeFailure.InstallUnhandledExceptionHandler(&Panic.FromUnhandledException);
#if UK_BCL_DOTNET
        // .NET's Console writes through System.Native to the kernel's consoles.
        Internal.Runtime.ConsoleSeam.Install(&Consoles.Write);
        // Its standard input is the console input device (a UART's receive line).
        Internal.Runtime.ConsoleSeam.InstallInput(&ReadConsoleInput);
        // RandomNumberGenerator and Guid.NewGuid draw from the kernel's CSPRNG.
        Internal.Runtime.RandomSeam.Install(&Entropy.Fill);
#endif
        uk_compose();

        InitTable.Run(InitClass.Early);
        Log.Info("booting '" + ImageInfo.Name + "' on " + ImageInfo.Platform + " (" + boot.Protocol + ", " + boot.BootLoaderName + ")");
        Log.Info("libraries: " + ImageInfo.Libraries);
        Log.Info("memory: " + (boot.MemoryBytes / 1024).ToString() + " KiB usable, heap " + (boot.HeapBytes / 1024).ToString() + " KiB");
        InitTable.Run(InitClass.Plat);
#if UK_BCL_DOTNET
        // .NET asks for random bytes from its first hash table on: seed now, once the platform
        // has named its hardware sources, rather than in the middle of the program's output.
        Entropy.Seed();
#endif
        // The random generator seeds itself on first use (Entropy), after the platform named
        // its hardware sources: an image that never asks for a number carries none of it.
        InitTable.Run(InitClass.Lib);
        InitTable.Run(InitClass.Sys);
        InitTable.Run(InitClass.Late);

        CommandLine.Partition(CommandLine.Split(boot.CommandLine), out string[] parameters, out string[] arguments);
        if (parameters.Length > 0)
            Log.Debug("kernel parameters: " + string.Join(" ", parameters));
        SetArguments(arguments);
        ProcessEnvironment.SetKernelParameters(parameters);
#if UK_BCL_DOTNET
        // .NET's Environment reads the variables through System.Native's GetEnv and GetEnviron.
        Internal.Runtime.EnvironmentSeam.Install(ProcessEnvironment.Variables);
        Internal.Runtime.EnvironmentSeam.InstallProcessPath("/" + ImageInfo.Name);
#endif
        if (s_mainRunner != null)
            s_mainRunner(&RunMain);
        Shutdown(RunMain());
    }

    private static delegate*<delegate*<int>, void> s_mainRunner;

    // A scheduler takes over running Main (as its first thread); the runner shuts the kernel
    // down when Main returns and never returns itself.
    public static void SetMainRunner(delegate*<delegate*<int>, void> runner) => s_mainRunner = runner;

    public static void Shutdown(int exitCode)
    {
        Log.Info("exit code " + exitCode.ToString() + ", shutting down");
        ShutdownPolicy.End(exitCode);
    }

    private static void SetArguments(string[] arguments)
    {
        string[] argv = new string[arguments.Length + 1];
        argv[0] = ImageInfo.Name;
        new System.ReadOnlySpan<string>(arguments).CopyTo(new System.Span<string>(argv, 1, arguments.Length));
        s_arguments = argv;
    }

    // ILC's __managed__Main takes C's argc/argv, which it decodes as UTF-8: encode them so.
    private static int RunMain()
    {
        string[] argv = s_arguments;
        sbyte*[] pointers = new sbyte*[argv.Length];
        for (int i = 0; i < argv.Length; i++)
        {
            byte[] bytes = Utf8Text.EncodeNullTerminated(argv[i]);
            // Objects never move (no compacting collector), so the address stays valid.
            fixed (byte* pinned = bytes)
                pointers[i] = (sbyte*)pinned;
        }
        fixed (sbyte** pointerArray = pointers)
            return __managed__Main(argv.Length, pointerArray);
    }

    [DllImport("*", EntryPoint = "uk_compose"), SuppressGCTransition]
    private static extern void uk_compose();

    [DllImport("*", EntryPoint = "__managed__Main"), SuppressGCTransition]
    private static extern int __managed__Main(int argc, sbyte** argv);
}
