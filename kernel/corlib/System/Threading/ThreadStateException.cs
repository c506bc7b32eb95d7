namespace System.Threading;

public class ThreadStateException : SystemException
{
    public ThreadStateException() : base("Thread was in an invalid state for the operation being executed.") { }

    public ThreadStateException(string? message) : base(message) { }
}
