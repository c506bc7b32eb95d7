using System;
using System.Collections.Generic;
using System.IO;

// Template kvstore: keys in a Dictionary, every change appended as a line to /store.log on
// the FAT disk (AppendAllText returns once the line is on the disk), replayed at boot.
// apps/kvstore in the repository is the full version (checksummed records, torn tails).
const string LogPath = "/store.log";
var store = new Dictionary<string, string>();
if (File.Exists(LogPath))
{
    foreach (string line in File.ReadAllLines(LogPath))
    {
        string[] parts = line.Split(' ');
        if (parts.Length >= 3 && parts[0] == "put")
            store[parts[1]] = line.Substring(parts[0].Length + parts[1].Length + 2);
        else if (parts.Length == 2 && parts[0] == "del")
            store.Remove(parts[1]);
    }
}
Console.WriteLine("ukapp: key-value store with " + store.Count.ToString() + " keys; commands: put <key> <value>, get <key>, del <key>, quit");
while (true)
{
    Console.Write("> ");
    string? line = Console.ReadLine();
    if (line is null || line == "quit")
        return 0;
    string[] parts = line.Trim().Split(' ');
    if (parts.Length >= 3 && parts[0] == "put" && parts[1].Length > 0)
    {
        string value = line.Trim().Substring(parts[0].Length + parts[1].Length + 2);
        File.AppendAllText(LogPath, "put " + parts[1] + " " + value + "\n");
        store[parts[1]] = value;
        Console.WriteLine("ok");
    }
    else if (parts.Length == 2 && parts[0] == "get")
        Console.WriteLine(store.TryGetValue(parts[1], out string? value) ? value : "(not found)");
    else if (parts.Length == 2 && parts[0] == "del" && store.Remove(parts[1]))
    {
        File.AppendAllText(LogPath, "del " + parts[1] + "\n");
        Console.WriteLine("deleted");
    }
    else
        Console.WriteLine("usage: put <key> <value> | get <key> | del <key> | quit");
}
