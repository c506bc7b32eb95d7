using System;
using Uk.BlkDev;
using Uk.Core;

// The same pattern as linux/blkbench.c: 4 KiB requests one at a time, sequential then
// random (xorshift64 with the same seed), writes before reads. Prints
// "BLK <test> <ops> <bytes> <nanoseconds>" per test, then "BLK done". The third argument
// names the disk (vda unless told; guest-nvme's image is given nvme0n1).
const int Block = 4096;

ulong sequential = args.Length > 0 ? (ulong)long.Parse(args[0]) : 4096;
ulong random = args.Length > 1 ? (ulong)long.Parse(args[1]) : 2048;
string name = args.Length > 2 ? args[2] : "vda";
IBlockDevice? disk = BlockDevices.Find(name);
if (disk is null)
{
    Console.WriteLine("BLK-ERROR no disk " + name);
    return 1;
}
ulong blocks = disk.SectorCount * (ulong)disk.SectorSize / Block;
ulong sectorsPerBlock = (ulong)(Block / disk.SectorSize);
var buffer = new byte[Block];
for (int i = 0; i < Block; i++)
    buffer[i] = 0x5A;

bool ok = Run("seq-write", true, false) & Run("seq-read", false, false) & Run("rand-write", true, true) & Run("rand-read", false, true);
disk.Flush();
Console.WriteLine("BLK done");
return ok ? 0 : 1;

bool Run(string name, bool write, bool randomOrder)
{
    ulong state = 0x9E3779B97F4A7C15UL;
    ulong ops = randomOrder ? random : sequential;
    long start = Clock.Monotonic;
    for (ulong i = 0; i < ops; i++)
    {
        ulong block = randomOrder ? Next(ref state) % blocks : i % blocks;
        BlockStatus status = write ? disk.Write(block * sectorsPerBlock, buffer) : disk.Read(block * sectorsPerBlock, buffer);
        if (status != BlockStatus.Ok)
        {
            Console.WriteLine("BLK-ERROR " + name + " at block " + block.ToString());
            return false;
        }
    }
    long elapsed = Clock.Monotonic - start;
    Console.WriteLine("BLK " + name + " " + ops.ToString() + " " + (ops * Block).ToString() + " " + elapsed.ToString());
    return true;
}

static ulong Next(ref ulong state)
{
    ulong x = state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    state = x;
    return x;
}
