using System.Runtime.InteropServices;

namespace System.Runtime.CompilerServices;

// ILC puts one before the statics of every type whose static constructor runs lazily; the
// generated code calls ClassConstructorRunner while the address is not zero.
[StructLayout(LayoutKind.Sequential)]
public struct StaticClassConstructionContext
{
    // The static constructor's address until it has run; then zero (or a state of the runner's).
    public volatile nint cctorMethodAddress;
}
