using System;
using Uk.BlkDev;
using Uk.Sched;

namespace BlkTests;

// Requests from several threads in flight at once.
public static class ThreadScenario
{
    // Four threads, each writing then reading its own 64 sectors in 4 KiB requests, so
    // requests from several threads are in flight and completions wake the right waiter.
    public static int Run(string name)
    {
        IBlockDevice? disk = Scenarios.Find(name);
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
}
