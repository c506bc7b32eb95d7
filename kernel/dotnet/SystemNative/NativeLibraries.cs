using System.Runtime.InteropServices;

namespace Uk.Dotnet.SystemNative;

// NativeLibrary.Load and DllImport of a library by name: the image is one static program,
// so no library can be loaded; the error text says why.
internal static unsafe class NativeLibraries
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LoadLibrary")]
    private static void* Load(byte* name) => null;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetLoadLibraryError")]
    private static byte* LoadError() => NativePath.CopyOut("the unikernel image is statically linked: it loads no native libraries");

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetProcAddress")]
    private static void* ProcAddress(void* library, byte* name) => null;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FreeLibrary")]
    private static void Free(void* library)
    {
    }
}
