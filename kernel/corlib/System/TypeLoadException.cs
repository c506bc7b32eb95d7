namespace System;

public class TypeLoadException : SystemException
{
    public TypeLoadException() { }

    public TypeLoadException(string? message) : base(message) { }

    public TypeLoadException(string? message, Exception? innerException) : base(message, innerException) { }

    private protected override string DefaultMessage => "Failure has occurred while loading a type.";
}
