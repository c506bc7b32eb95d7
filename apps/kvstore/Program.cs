using System;
using KvStore;
using Uk.Vfs;

// kvstore: a persistent key-value store. Arguments (after "--" on the kernel command line):
//   (none)                 read commands from the serial console: put <key> <value>,
//                          get <key>, del <key>, list, quit
//   fill <prefix> <count>  put <prefix><i> = value-<prefix><i> for i < count, printing
//                          "flushed <key>" once each is on the disk (the power-cut test)
//   dump                   print every key=value and exit
const string LogPath = "/kv.log";

FsError error = KeyValueLog.Open(LogPath, out KeyValueLog? log);
if (error != FsError.None)
{
    Console.WriteLine("kvstore: cannot open " + LogPath + ": " + FsErrors.Describe(error) + (error == FsError.NotMounted ? " (attach a FAT disk: uk run kvstore --disk data.img)" : ""));
    return 2;
}
Console.WriteLine("kvstore: loaded " + log!.RecordsLoaded.ToString() + " records, " + log.Index.Count.ToString() + " keys" +
    (log.DroppedBytes > 0 ? ", dropped a torn record at offset " + log.Tail.ToString() : ""));

string mode = args.Length > 0 ? args[0] : "serve";
int result = mode switch
{
    "fill" when args.Length == 3 => Commands.Fill(log, args[1], int.Parse(args[2])),
    "dump" => Commands.Dump(log),
    "serve" => Commands.Serve(log),
    _ => Commands.Usage(),
};
log.Close();
return result;
