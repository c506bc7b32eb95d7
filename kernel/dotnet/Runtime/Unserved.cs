using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// A runtime service the dotnet library does not provide yet: reaching one stops the kernel
// with its name rather than carrying on with a wrong answer.
internal static class Unserved
{
    internal static uint Fail(string name)
    {
        RuntimeFailure.Fail("dotnet: " + name + " is not served by the kernel yet (docs/full-bcl.md lists what is)", null);
        return 0;
    }
}

// The target of the build's stubs for System.Native functions the kernel does not serve
// (Unikraft.Build unserved): the application reached one, so it stops with its name.
internal static unsafe class UnservedSystemNative
{
    [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = "uk_dotnet_unserved")]
    private static void Stop(byte* function, byte* area) =>
        RuntimeFailure.Fail("dotnet: " + new string((sbyte*)function) + " (" + new string((sbyte*)area)
            + ") is not served by the kernel with the dotnet library yet (docs/full-bcl.md lists what is)", null);
}
