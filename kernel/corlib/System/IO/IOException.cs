namespace System.IO;

public class IOException : SystemException
{
    public IOException() { }

    public IOException(string? message) : base(message) { }

    public IOException(string? message, Exception? innerException) : base(message, innerException) { }

    private protected override string DefaultMessage => "I/O error occurred.";
}
