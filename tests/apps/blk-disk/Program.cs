using System;
using BlkTests;

// Usage (kernel command line), one scenario per boot:
//   list                          every disk: name, sectors, sector size, read-only
//   write <disk> <sector> <count> <seed>   writes the test pattern, flushes, reads it back
//   read <disk> <sector> <count> <seed>    checks the pattern the host wrote
//   readonly <disk>               a write must be refused with ReadOnly
//   bounds <disk>                 requests past the end or of partial sectors are refused
//   threads <disk>                four threads write and read their own regions at once
string mode = args.Length > 0 ? args[0] : "list";
int result = mode switch
{
    "list" => Scenarios.List(),
    "write" => Scenarios.Write(args[1], (ulong)long.Parse(args[2]), int.Parse(args[3]), int.Parse(args[4])),
    "read" => Scenarios.Read(args[1], (ulong)long.Parse(args[2]), int.Parse(args[3]), int.Parse(args[4])),
    "readonly" => Scenarios.ReadOnly(args[1]),
    "bounds" => Scenarios.Bounds(args[1]),
    "threads" => Scenarios.Threads(args[1]),
    _ => Scenarios.Unknown(mode),
};
return result;
