namespace System;

public class NotImplementedException : SystemException
{
    public NotImplementedException() { }

    public NotImplementedException(string? message) : base(message) { }

    public NotImplementedException(string? message, Exception? innerException) : base(message, innerException) { }

    private protected override string DefaultMessage => "The method or operation is not implemented.";
}
