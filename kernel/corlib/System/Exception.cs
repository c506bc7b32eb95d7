namespace System;

public class Exception
{
    private readonly string? _message;
    private readonly Exception? _innerException;
    // Return addresses of the frames it passed, from the throw to the catch (the runtime's
    // exception dispatch records them).
    private ulong[]? _stackTrace;

    public Exception() { }

    public Exception(string? message) => _message = message;

    public Exception(string? message, Exception? innerException)
    {
        _message = message;
        _innerException = innerException;
    }

    public virtual string Message => _message ?? DefaultMessage;

    public Exception? InnerException => _innerException;

    public virtual string? StackTrace => _stackTrace is null ? null : Internal.Runtime.Exceptions.StackTraceText.Format(_stackTrace);

    // For an exception raised from a CPU fault: which fault, for the panic if nothing catches it.
    internal string? FaultDescription { get; set; }

    internal ulong[]? StackTraceAddresses
    {
        get => _stackTrace;
        set => _stackTrace = value;
    }

    // What the exception says when no message was given, as the BCL's do.
    private protected virtual string DefaultMessage => "Exception of type '" + GetType().FullName + "' was thrown.";

    public override string ToString() => GetType().FullName + ": " + Message;
}
