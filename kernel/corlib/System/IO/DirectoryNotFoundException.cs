namespace System.IO;

public class DirectoryNotFoundException : IOException
{
    public DirectoryNotFoundException() { }

    public DirectoryNotFoundException(string? message) : base(message) { }

    private protected override string DefaultMessage => "Attempted to access a path that is not on the disk.";
}
