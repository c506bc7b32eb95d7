using System;
using Uk.BlkDev;
using Uk.Sched;

namespace BlkTests;

// Each scenario prints what it saw; the boot test checks those lines and the disk image.
public static class Scenarios
{
    public static int List()
    {
        Console.WriteLine("disks: " + BlockDevices.Count.ToString());
        for (int i = 0; i < BlockDevices.Count; i++)
        {
            IBlockDevice disk = BlockDevices.Get(i);
            Console.WriteLine("disk " + disk.Name + ": " + disk.SectorCount.ToString() + " sectors of " + disk.SectorSize.ToString()
                + " bytes" + (disk.IsReadOnly ? ", read-only" : ""));
        }
        return 0;
    }

    public static int Write(string name, ulong sector, int count, int seed)
    {
        IBlockDevice? disk = Find(name);
        if (disk is null)
            return 3;
        var buffer = new byte[count * disk.SectorSize];
        ulong offset = sector * (ulong)disk.SectorSize;
        DiskPattern.Fill(buffer, offset, seed);
        BlockStatus written = disk.Write(sector, buffer);
        BlockStatus flushed = disk.Flush();
        Console.WriteLine("write " + name + " " + sector.ToString() + "+" + count.ToString() + ": " + Text(written) + ", flush: " + Text(flushed));
        var back = new byte[buffer.Length];
        BlockStatus read = disk.Read(sector, back);
        int mismatch = DiskPattern.FirstMismatch(back, offset, seed);
        Console.WriteLine("read back: " + Text(read) + (mismatch < 0 ? ", pattern ok" : ", mismatch at byte " + mismatch.ToString()));
        return written == BlockStatus.Ok && flushed == BlockStatus.Ok && read == BlockStatus.Ok && mismatch < 0 ? 0 : 1;
    }

    public static int Read(string name, ulong sector, int count, int seed)
    {
        IBlockDevice? disk = Find(name);
        if (disk is null)
            return 3;
        var buffer = new byte[count * disk.SectorSize];
        BlockStatus read = disk.Read(sector, buffer);
        int mismatch = DiskPattern.FirstMismatch(buffer, sector * (ulong)disk.SectorSize, seed);
        Console.WriteLine("read " + name + " " + sector.ToString() + "+" + count.ToString() + ": " + Text(read)
            + (mismatch < 0 ? ", pattern ok" : ", mismatch at byte " + mismatch.ToString()));
        return read == BlockStatus.Ok && mismatch < 0 ? 0 : 1;
    }

    public static int ReadOnly(string name)
    {
        IBlockDevice? disk = Find(name);
        if (disk is null)
            return 3;
        var buffer = new byte[disk.SectorSize];
        BlockStatus read = disk.Read(0, buffer);
        BlockStatus written = disk.Write(0, buffer);
        Console.WriteLine("read-only " + name + ": IsReadOnly " + (disk.IsReadOnly ? "true" : "false") + ", read: " + Text(read) + ", write: " + Text(written));
        return 0;
    }

    public static int Bounds(string name)
    {
        IBlockDevice? disk = Find(name);
        if (disk is null)
            return 3;
        var sector = new byte[disk.SectorSize];
        var two = new byte[disk.SectorSize * 2];
        Console.WriteLine("last sector: " + Text(disk.Read(disk.SectorCount - 1, sector)));
        Console.WriteLine("past the end: " + Text(disk.Read(disk.SectorCount, sector)));
        Console.WriteLine("across the end: " + Text(disk.Read(disk.SectorCount - 1, two)));
        Console.WriteLine("huge sector: " + Text(disk.Write(ulong.MaxValue, sector)));
        Console.WriteLine("partial sector: " + Text(disk.Read(0, new byte[disk.SectorSize / 2])));
        return 0;
    }

    // Four threads, each writing then reading its own 64 sectors in 4 KiB requests, so
    // requests from several threads are in flight and completions wake the right waiter.
    public static int Threads(string name)
    {
        IBlockDevice? disk = Find(name);
        if (disk is null)
            return 3;
        int failures = 0;
        var workers = new Thread[4];
        for (int t = 0; t < workers.Length; t++)
        {
            int id = t;
            workers[t] = Thread.Start(() =>
            {
                if (!Region(disk, (ulong)(id * 64), 64, 100 + id))
                    failures++;
            }, "io" + t.ToString(), ThreadPriority.Normal);
        }
        for (int t = 0; t < workers.Length; t++)
            workers[t].Join();
        Console.WriteLine("threads: " + (failures == 0 ? "all regions ok" : failures.ToString() + " regions failed"));
        return failures == 0 ? 0 : 1;
    }

    private static bool Region(IBlockDevice disk, ulong first, int sectors, int seed)
    {
        int perRequest = 4096 / disk.SectorSize;
        var buffer = new byte[4096];
        for (int s = 0; s < sectors; s += perRequest)
        {
            ulong sector = first + (ulong)s;
            DiskPattern.Fill(buffer, sector * (ulong)disk.SectorSize, seed);
            if (disk.Write(sector, buffer) != BlockStatus.Ok)
                return false;
        }
        if (disk.Flush() != BlockStatus.Ok)
            return false;
        for (int s = 0; s < sectors; s += perRequest)
        {
            ulong sector = first + (ulong)s;
            if (disk.Read(sector, buffer) != BlockStatus.Ok || DiskPattern.FirstMismatch(buffer, sector * (ulong)disk.SectorSize, seed) >= 0)
                return false;
        }
        return true;
    }

    public static int Unknown(string mode)
    {
        Console.WriteLine("unknown scenario '" + mode + "'");
        return 2;
    }

    private static IBlockDevice? Find(string name)
    {
        IBlockDevice? disk = BlockDevices.Find(name);
        if (disk is null)
            Console.WriteLine("no disk named " + name);
        return disk;
    }

    private static string Text(BlockStatus status) => status switch
    {
        BlockStatus.Ok => "Ok",
        BlockStatus.OutOfRange => "OutOfRange",
        BlockStatus.BadLength => "BadLength",
        BlockStatus.ReadOnly => "ReadOnly",
        BlockStatus.IoError => "IoError",
        _ => "Unsupported",
    };
}
