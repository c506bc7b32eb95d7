namespace System.IO;

public class FileNotFoundException : IOException
{
    public FileNotFoundException() { }

    public FileNotFoundException(string? message) : base(message) { }

    public FileNotFoundException(string? message, string? fileName) : base(message) => FileName = fileName;

    public string? FileName { get; }

    private protected override string DefaultMessage => "Unable to find the specified file.";
}
