namespace System.Runtime;

// ILC recognises the attribute by its name in any assembly: the method is emitted as a global
// symbol with the managed calling convention, and CoreLib's RuntimeImports bind to it.
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RuntimeExportAttribute(string entry) : Attribute
{
    public string Entry { get; } = entry;
}
