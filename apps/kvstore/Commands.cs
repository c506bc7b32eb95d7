using System;
using Uk.Core;
using Uk.Vfs;

namespace KvStore;

internal static class Commands
{
    public static int Fill(KeyValueLog log, string prefix, int count)
    {
        for (int i = 0; i < count; i++)
        {
            string key = prefix + i.ToString();
            FsError error = log.Put(key, "value-" + key);
            if (error != FsError.None)
            {
                Console.WriteLine("error " + key + ": " + FsErrors.Describe(error));
                return 1;
            }
            Console.WriteLine("flushed " + key);
        }
        Console.WriteLine("fill done");
        return 0;
    }

    public static int Dump(KeyValueLog log)
    {
        foreach (var pair in log.Index)
            Console.WriteLine(pair.Key + "=" + pair.Value);
        Console.WriteLine("dump: " + log.Index.Count.ToString() + " keys");
        return 0;
    }

    // Commands from the console until quit, or until it stays silent for idleSeconds (a quit
    // that never arrives must not keep the guest waiting forever; every put is on the disk
    // before its "ok", so closing loses nothing).
    public static int Serve(KeyValueLog log, int idleSeconds)
    {
        if (!ConsoleInput.IsAvailable)
        {
            Console.WriteLine("kvstore: no console input in this image");
            return 1;
        }
        Console.WriteLine("kvstore: commands: put <key> <value>, get <key>, del <key>, list, quit");
        var reader = new ConsoleLineReader(idleSeconds);
        while (true)
        {
            Console.Write("> ");
            string? line = reader.ReadLine();
            if (line is null)
            {
                Console.WriteLine();
                Console.WriteLine("kvstore: no input for " + idleSeconds.ToString() + " s, closing the store");
                return 0;
            }
            string text = line.Trim();
            if (text.Length == 0)
                continue;
            int space = text.IndexOf(' ');
            string command = space < 0 ? text : text.Substring(0, space);
            string rest = space < 0 ? "" : text.Substring(space + 1).Trim();
            if (command == "quit" || command == "exit")
                return 0;
            Console.WriteLine(Run(log, command, rest));
        }
    }

    private static string Run(KeyValueLog log, string command, string rest)
    {
        int space = rest.IndexOf(' ');
        string key = space < 0 ? rest : rest.Substring(0, space);
        switch (command)
        {
            case "put" or "del" when log.IsReadOnly:
                return "error: the store is read-only (its disk is read-only); get and list still work";
            case "put":
                if (space < 0 || key.Length == 0)
                    return "usage: put <key> <value>";
                if (key.Length > LogRecord.MaxKeyBytes / 4 || rest.Length - space - 1 > LogRecord.MaxValueBytes / 4)
                    return "error: key or value too long";
                FsError error = log.Put(key, rest.Substring(space + 1));
                return error == FsError.None ? "ok" : "error: " + FsErrors.Describe(error);
            case "get":
                if (key.Length == 0)
                    return "usage: get <key>";
                return log.Index.TryGetValue(key, out string? value) ? value : "(not found)";
            case "del":
                if (key.Length == 0)
                    return "usage: del <key>";
                if (!log.Index.ContainsKey(key))
                    return "(not found)";
                error = log.Delete(key);
                return error == FsError.None ? "deleted" : "error: " + FsErrors.Describe(error);
            case "list":
                string listing = "";
                foreach (var pair in log.Index)
                    listing += pair.Key + "=" + pair.Value + "\n";
                return listing + log.Index.Count.ToString() + " keys";
            default:
                return "unknown command '" + command + "' (put, get, del, list, quit)";
        }
    }
}
