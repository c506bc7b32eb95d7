using System.Runtime;

namespace Uk.Dotnet.Runtime;

// CoreLib's callbacks into itself by id (exception objects, fail-fast, unhandled-exception
// hooks): one class library in the image, so every code address and type maps to its table.
internal static unsafe class ClasslibFunctions
{
    private static nint* s_functions;
    private static int s_count;

    internal static void Register(nint* functions, int count)
    {
        s_functions = functions;
        s_count = count;
    }

    internal static void* Get(int id) => id >= 0 && id < s_count ? (void*)s_functions[id] : null;

    [RuntimeExport("RhpGetClasslibFunctionFromCodeAddress")]
    private static void* FromCodeAddress(nint address, int id) => Get(id);

    [RuntimeExport("RhpGetClasslibFunctionFromEEType")]
    private static void* FromType(void* type, int id) => Get(id);
}
