using System;
using Uk.BlkDev;

namespace BlkTests;

// Sixteen 4 KiB writes submitted back to back, a flush, then sixteen reads, all in flight
// together; completion callbacks are counted and every request waited for.
public static class AsyncScenario
{
    private const int Requests = 16;
    private const int Bytes = 4096;
    private const int Seed = 61;

    private static int s_callbacks;

    public static int Run(string name)
    {
        if (BlockDevices.Find(name) is not IAsyncBlockDevice disk)
        {
            Console.WriteLine("no asynchronous disk named " + name);
            return 3;
        }
        ulong sectorsPerRequest = (ulong)(Bytes / disk.SectorSize);
        var buffer = new byte[Requests * Bytes];
        DiskPattern.Fill(buffer, 0, Seed);
        var writes = new BlockRequest[Requests];
        // Under TCG the device can finish a request before the next is submitted; with
        // interrupts held off the sixteen are provably on the ring together.
        ulong flags = Uk.Core.Interrupts.Disable();
        for (int i = 0; i < Requests; i++)
        {
            writes[i] = BlockRequest.Write((ulong)i * sectorsPerRequest, buffer, i * Bytes, Bytes);
            writes[i].Completed = Count;
            disk.Submit(writes[i]);
        }
        int inFlight = 0;
        for (int i = 0; i < Requests; i++)
        {
            if (!writes[i].IsCompleted)
                inFlight++;
        }
        Uk.Core.Interrupts.Restore(flags);
        bool allWritten = WaitAll(disk, writes);
        BlockRequest flush = BlockRequest.Flush();
        flush.Completed = Count;
        disk.Submit(flush);
        disk.Wait(flush);

        var back = new byte[Requests * Bytes];
        var reads = new BlockRequest[Requests];
        for (int i = 0; i < Requests; i++)
        {
            reads[i] = BlockRequest.Read((ulong)i * sectorsPerRequest, back, i * Bytes, Bytes);
            reads[i].Completed = Count;
            disk.Submit(reads[i]);
        }
        bool allRead = WaitAll(disk, reads);
        int mismatch = DiskPattern.FirstMismatch(back, 0, Seed);

        var tooFar = BlockRequest.Read(disk.SectorCount, back, 0, Bytes);
        BlockStatus refused = disk.Submit(tooFar);
        var outside = BlockRequest.Read(0, back, back.Length - 512, Bytes);
        BlockStatus badBuffer = disk.Submit(outside);

        Console.WriteLine("async: in flight after submitting " + inFlight.ToString() + " of " + Requests.ToString()
            + ", writes " + (allWritten ? "Ok" : "failed") + ", flush " + Scenarios.Text(flush.Status) + ", reads " + (allRead ? "Ok" : "failed")
            + ", callbacks " + s_callbacks.ToString() + (mismatch < 0 ? ", pattern ok" : ", mismatch at byte " + mismatch.ToString()));
        Console.WriteLine("async refusals: past the end " + Scenarios.Text(refused) + (tooFar.IsCompleted ? " (completed)" : "")
            + ", buffer overrun " + Scenarios.Text(badBuffer));
        return allWritten && allRead && flush.Status == BlockStatus.Ok && mismatch < 0 ? 0 : 1;
    }

    private static void Count(BlockRequest request) => s_callbacks++;

    private static bool WaitAll(IAsyncBlockDevice disk, BlockRequest[] requests)
    {
        bool ok = true;
        for (int i = 0; i < requests.Length; i++)
            ok &= disk.Wait(requests[i]) && requests[i].Status == BlockStatus.Ok;
        return ok;
    }
}
