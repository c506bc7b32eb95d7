using System;
using System.Collections;
using System.IO;
using System.Linq;

// What .NET's Environment sees of the manifest's env map and the kernel command line, and
// what System.IO does in an image with no file system.
Console.WriteLine("args: " + string.Join("|", args));
Console.WriteLine("command line: " + string.Join("|", Environment.GetCommandLineArgs()));
Console.WriteLine("GREETING=" + Show(Environment.GetEnvironmentVariable("GREETING")));
Console.WriteLine("EMPTY=" + Show(Environment.GetEnvironmentVariable("EMPTY")));
Console.WriteLine("UNICODE=" + Show(Environment.GetEnvironmentVariable("UNICODE")));
Console.WriteLine("MISSING=" + Show(Environment.GetEnvironmentVariable("MISSING")));
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().OrderBy(e => (string)e.Key, StringComparer.Ordinal))
    Console.WriteLine("variable " + entry.Key + "=" + Show((string?)entry.Value));
Environment.SetEnvironmentVariable("SET_AT_RUN_TIME", "yes");
Console.WriteLine("SET_AT_RUN_TIME=" + Show(Environment.GetEnvironmentVariable("SET_AT_RUN_TIME")));
Console.WriteLine("cwd: " + Directory.GetCurrentDirectory());
Console.WriteLine("exists: " + File.Exists("/data.txt") + " " + Directory.Exists("/"));
Try("read", () => File.ReadAllText("/data.txt"));
Try("write", () => File.WriteAllText("/data.txt", "x"));
Try("create directory", () => Directory.CreateDirectory("/made"));
Try("list", () => Directory.GetFiles("/"));
Console.WriteLine("done");

static string Show(string? value) => value is null ? "(null)" : "[" + value + "]";

static void Try(string name, Action action)
{
    try
    {
        action();
        Console.WriteLine(name + ": no exception");
    }
    catch (Exception exception)
    {
        Console.WriteLine(name + ": " + exception.GetType().FullName + ": " + exception.Message);
    }
}
