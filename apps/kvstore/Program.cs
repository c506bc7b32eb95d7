using System;
using KvStore;
using Uk.Vfs;

// kvstore: a persistent key-value store. Arguments (after "--" on the kernel command line):
//   (none) | serve [idle=<seconds>]
//                          read commands from the serial console: put <key> <value>,
//                          get <key>, del <key>, list, quit; after <seconds> without input
//                          (default 3600, 0 = never) the store closes and the guest exits
//   fill <prefix> <count>  put <prefix><i> = value-<prefix><i> for i < count, printing
//                          "flushed <key>" once each is on the disk (the power-cut test)
//   dump                   print every key=value and exit
// Bad arguments print what is wrong and the usage, and exit with code 2.
const string LogPath = "/kv.log";

string? problem = KvArguments.TryParse(args, out KvArguments arguments);
if (problem is not null)
{
    Console.WriteLine(problem);
    Console.WriteLine(KvArguments.Usage);
    return 2;
}

FsError error = KeyValueLog.Open(LogPath, out KeyValueLog? log);
if (error != FsError.None)
{
    Console.WriteLine("kvstore: cannot open " + LogPath + ": " + FsErrors.Describe(error) + (error == FsError.NotMounted ? " (attach a FAT disk: uk run kvstore --disk data.img)" : ""));
    return 2;
}
LoadReport.Print(log!);

int result = arguments.Mode switch
{
    "fill" => Commands.Fill(log!, arguments.Prefix, arguments.Count),
    "dump" => Commands.Dump(log!),
    _ => Commands.Serve(log!, arguments.IdleSeconds),
};
log!.Close();
return result;
