namespace System;

public class ArgumentException : SystemException
{
    public ArgumentException() { }

    public ArgumentException(string? message) : base(message) { }

    public ArgumentException(string? message, Exception? innerException) : base(message, innerException) { }

    public ArgumentException(string? message, string? paramName) : base(message + " (Parameter '" + paramName + "')") { }

    private protected override string DefaultMessage => "Value does not fall within the expected range.";
}
