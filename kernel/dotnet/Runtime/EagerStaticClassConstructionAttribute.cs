namespace System.Runtime.CompilerServices;

// ILC recognises the attribute by its name: the type's static constructor runs while the
// modules initialise, before Main. Kernel types used before the class constructor runner can
// work (pre-heap, interrupt handlers) carry it, in both flavours.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
internal sealed class EagerStaticClassConstructionAttribute : Attribute;
