using System;
using System.IO;

// Calls the VFS cannot honour: they fail with an exception and the program continues.
File.WriteAllText("/file.txt", "x");
Directory.CreateDirectory("/dir");
Try("set attributes normal", () => File.SetAttributes("/file.txt", FileAttributes.Normal));
Try("set attributes read-only", () => File.SetAttributes("/file.txt", FileAttributes.ReadOnly));
Try("set unix mode unchanged", () => File.SetUnixFileMode("/file.txt", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead));
Try("set unix mode executable", () => File.SetUnixFileMode("/file.txt", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
Try("set unix mode of missing", () => File.SetUnixFileMode("/missing.txt", UnixFileMode.UserRead));
Try("set last write time", () => File.SetLastWriteTimeUtc("/file.txt", new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
Try("set last write time of missing", () => File.SetLastWriteTimeUtc("/missing.txt", DateTime.UtcNow));
Try("create symbolic link", () => File.CreateSymbolicLink("/link.txt", "/file.txt"));
Try("create symbolic link over a file", () => File.CreateSymbolicLink("/file.txt", "/dir"));
Try("link target", () => Console.WriteLine("  link target: " + (new FileInfo("/file.txt").LinkTarget ?? "(none)")));
Try("unix mode", () => Console.WriteLine("  mode: " + File.GetUnixFileMode("/file.txt") + "; " + File.GetUnixFileMode("/dir")));
Console.WriteLine("content: " + File.ReadAllText("/file.txt"));
Console.WriteLine("done");

static void Try(string name, Action action)
{
    try
    {
        action();
        Console.WriteLine(name + ": ok");
    }
    catch (Exception exception)
    {
        Console.WriteLine(name + ": " + exception.GetType().FullName + ": " + exception.Message);
    }
}
