using System;

// What the minimal corlib's Environment gives for the manifest's env map and the command line.
Console.WriteLine("GREETING=" + Show(Environment.GetEnvironmentVariable("GREETING")));
Console.WriteLine("EMPTY=" + Show(Environment.GetEnvironmentVariable("EMPTY")));
Console.WriteLine("EXTRA=" + Show(Environment.GetEnvironmentVariable("EXTRA")));
Console.WriteLine("GREET=" + Show(Environment.GetEnvironmentVariable("GREET")));
Console.WriteLine("command line: " + string.Join("|", Environment.GetCommandLineArgs()));
return 0;

static string Show(string? value) => value is null ? "(null)" : "[" + value + "]";
