namespace Uk.Vfs;

// How a file is opened, as open(2)'s flags: access plus what to do when it exists or not.
[System.Flags]
public enum OpenMode
{
    Read = 1,
    Write = 2,
    ReadWrite = Read | Write,
    // Create the file if it does not exist.
    Create = 4,
    // With Create: fail with AlreadyExists if it exists.
    Exclusive = 8,
    // Cut the file to length 0 on open.
    Truncate = 16,
    // Every write goes to the end of the file.
    Append = 32,
}
