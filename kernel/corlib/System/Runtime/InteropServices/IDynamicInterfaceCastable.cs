using Internal.Runtime;

namespace System.Runtime.InteropServices;

// ILC requires the type and its resolver hook; this runtime never casts through it.
public unsafe interface IDynamicInterfaceCastable
{
    bool IsInterfaceImplemented(RuntimeTypeHandle interfaceType, bool throwIfNotImplemented);

    RuntimeTypeHandle GetInterfaceImplementation(RuntimeTypeHandle interfaceType);

    internal static nint GetDynamicInterfaceImplementation(object instance, MethodTable* interfaceType, ushort slot) =>
        throw new PlatformNotSupportedException("IDynamicInterfaceCastable is not supported.");
}
