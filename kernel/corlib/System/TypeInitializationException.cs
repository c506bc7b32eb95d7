namespace System;

public sealed class TypeInitializationException : SystemException
{
    public TypeInitializationException(string? fullTypeName, Exception? innerException)
        : base("The type initializer for '" + fullTypeName + "' threw an exception.", innerException)
    {
        TypeName = fullTypeName ?? "";
    }

    public string TypeName { get; }
}
