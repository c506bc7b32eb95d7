namespace System.Runtime;

// Exports a managed method under a fixed symbol name, for the NASM code and for the
// helpers that ILC-generated code calls.
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RuntimeExportAttribute : Attribute
{
    public RuntimeExportAttribute(string entry) => EntryPoint = entry;

    public string EntryPoint { get; }
}

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RuntimeImportAttribute : Attribute
{
    public RuntimeImportAttribute(string entry) => EntryPoint = entry;

    public RuntimeImportAttribute(string dllName, string entry)
    {
        DllName = dllName;
        EntryPoint = entry;
    }

    public string? DllName { get; }

    public string EntryPoint { get; }
}
