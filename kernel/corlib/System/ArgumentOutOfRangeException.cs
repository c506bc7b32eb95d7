namespace System;

public class ArgumentOutOfRangeException : ArgumentException
{
    public ArgumentOutOfRangeException() { }

    public ArgumentOutOfRangeException(string? paramName) : base("Specified argument was out of the range of valid values. (Parameter '" + paramName + "')") => ParamName = paramName;

    public ArgumentOutOfRangeException(string? paramName, string? message) : base(message) => ParamName = paramName;

    public string? ParamName { get; }
}
