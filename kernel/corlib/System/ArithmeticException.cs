namespace System;

public class ArithmeticException : SystemException
{
    public ArithmeticException() { }

    public ArithmeticException(string? message) : base(message) { }

    public ArithmeticException(string? message, Exception? innerException) : base(message, innerException) { }

    private protected override string DefaultMessage => "Overflow or underflow in the arithmetic operation.";
}
