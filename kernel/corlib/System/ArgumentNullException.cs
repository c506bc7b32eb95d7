namespace System;

public class ArgumentNullException : ArgumentException
{
    public ArgumentNullException() { }

    public ArgumentNullException(string? paramName) : base("Value cannot be null. (Parameter '" + paramName + "')") => ParamName = paramName;

    public ArgumentNullException(string? paramName, string? message) : base(message) => ParamName = paramName;

    public string? ParamName { get; }

    public static void ThrowIfNull(object? argument, string? paramName = null)
    {
        if (argument is null)
            throw new ArgumentNullException(paramName);
    }
}
