using System;
using System.Linq;

// Reads what the test types on the serial line and prints what it got, in a form the test
// computes from what it typed.
Console.WriteLine("ready");
string? name = Console.ReadLine();
Console.WriteLine("name: " + name + " (" + name?.Length + " chars)");
int total = 0;
string? line;
while ((line = Console.In.ReadLine()) is not null && line != "end")
    total += line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Sum();
Console.WriteLine("sum: " + total);
string? utf8 = Console.ReadLine();
Console.WriteLine("unicode: " + utf8 + " " + utf8?.Length);
char[] keys = new char[4];
for (int i = 0; i < keys.Length; i++)
    keys[i] = (char)Console.Read();
Console.WriteLine("keys: " + new string(keys));
Console.WriteLine("redirected: " + Console.IsInputRedirected);
Console.WriteLine("done");
