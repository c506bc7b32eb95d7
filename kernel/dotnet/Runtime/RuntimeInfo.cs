using System;
using System.Runtime;

namespace Uk.Dotnet.Runtime;

internal static unsafe class RuntimeInfo
{
    [RuntimeExport("RhGetRuntimeVersion")]
    private static byte* Version(int* length)
    {
        ReadOnlySpan<byte> version = "unikraft-dotnet"u8;
        *length = version.Length;
        fixed (byte* text = version)
            return text;
    }

    // Code addresses are direct: no jump stubs or import thunks in a static image.
    [RuntimeExport("RhGetCodeTarget")]
    private static nint CodeTarget(nint address) => address;

    [RuntimeExport("RhGetTargetOfUnboxingAndInstantiatingStub")]
    private static nint UnboxingStubTarget(nint address) => 0;
}
