namespace System;

public class Exception
{
    private readonly string? _message;
    private readonly Exception? _innerException;

    public Exception() { }

    public Exception(string? message) => _message = message;

    public Exception(string? message, Exception? innerException)
    {
        _message = message;
        _innerException = innerException;
    }

    public virtual string Message => _message ?? DefaultMessage;

    public Exception? InnerException => _innerException;

    // What the exception says when no message was given, as the BCL's do.
    private protected virtual string DefaultMessage => "Exception of type '" + GetType().FullName + "' was thrown.";

    public override string ToString() => GetType().FullName + ": " + Message;
}
