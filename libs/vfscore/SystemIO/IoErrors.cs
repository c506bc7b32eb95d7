using Uk.Vfs;

namespace System.IO;

// FsError → the exception System.IO would throw, naming the path and the problem. Code that
// would rather not throw uses Uk.Vfs (Vfs.Current), which returns FsError values instead.
internal static class IoErrors
{
    public static void ThrowIfFailed(FsError error, string? path)
    {
        if (error == FsError.None)
            return;
        string message = FsErrors.Describe(error) + ": '" + path + "'";
        if (error == FsError.Corrupt && Vfs.Current.LastProblem.Length > 0)
            message = message + ": " + Vfs.Current.LastProblem;
        switch (error)
        {
            case FsError.NotFound:
                throw new FileNotFoundException("Could not find file '" + path + "' (" + FsErrors.Describe(error) + ").", path);
            case FsError.NotMounted:
            case FsError.NotADirectory:
                throw new DirectoryNotFoundException("Could not find a part of the path '" + path + "' (" + FsErrors.Describe(error) + ").");
            case FsError.NameTooLong:
            case FsError.PathTooLong:
                throw new PathTooLongException(message);
            case FsError.InvalidPath:
            case FsError.InvalidName:
            case FsError.InvalidArgument:
                throw new ArgumentException(message);
            default:
                throw new IOException(message);
        }
    }
}
