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
