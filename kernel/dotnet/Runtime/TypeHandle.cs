using System.Runtime.InteropServices;

namespace Uk.Dotnet.Runtime;

// The head of a MethodTable as ILC 10 emits it: what allocation needs. CoreLib's own
// Internal.Runtime.MethodTable is internal to it.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TypeHandle
{
    private const uint HasComponentSizeFlag = 0x80000000;
    private const uint HasFinalizerFlag = 0x00100000;
    private const uint HasPointersFlag = 0x01000000;

    private uint _flags;
    private uint _baseSize;

    internal uint BaseSize => _baseSize;

    internal ushort ComponentSize => (_flags & HasComponentSizeFlag) != 0 ? (ushort)_flags : (ushort)0;

    internal bool HasFinalizer => (_flags & HasFinalizerFlag) != 0;

    internal bool HasPointers => (_flags & HasPointersFlag) != 0;
}
