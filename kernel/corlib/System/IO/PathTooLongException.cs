namespace System.IO;

public class PathTooLongException : IOException
{
    public PathTooLongException() { }

    public PathTooLongException(string? message) : base(message) { }

    private protected override string DefaultMessage => "The specified file name or path is too long.";
}
