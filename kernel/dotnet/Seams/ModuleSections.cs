using System.Runtime.InteropServices;

namespace Internal.Runtime;

// Module start-up as NativeAOT's bootstrapper does it: CoreLib's InitializeModules registers
// the image's modules, allocates their GC statics and runs the eager class constructors.
internal static unsafe class ModuleSections
{
    // CoreLib's classlib functions by id (GetRuntimeException, RuntimeFailFast, ...): a table
    // in native/classlib.asm, since their addresses are symbols only the linker knows.
    private const int ClasslibFunctionCount = 10;

    internal static void Initialize(void* modulesStart, void* modulesEnd)
    {
        int count = (int)(((byte*)modulesEnd - (byte*)modulesStart) / sizeof(nint));
        InitializeModules(uk_dotnet_os_module(), (nint*)modulesStart, count, uk_dotnet_classlib_functions(), ClasslibFunctionCount);
        // The framework's library initialisers (CoreLib's class constructor runner among
        // them): before them no lazy static constructor can run.
        __managed__Startup();
    }

    [DllImport("*", EntryPoint = "__managed__Startup"), SuppressGCTransition]
    private static extern void __managed__Startup();

    [DllImport("*", EntryPoint = "InitializeModules"), SuppressGCTransition]
    private static extern void InitializeModules(nint osModule, nint* moduleHeaders, int count, nint* classlibFunctions, int classlibFunctionCount);

    [DllImport("*"), SuppressGCTransition]
    private static extern nint* uk_dotnet_classlib_functions();

    [DllImport("*"), SuppressGCTransition]
    private static extern nint uk_dotnet_os_module();
}
