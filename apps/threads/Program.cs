using System;
using System.Diagnostics;
using System.Threading;

// Four workers share a counter under a lock while a producer hands them jobs through a
// semaphore; Main waits for them and reports how long it took.
const int Workers = 4;
const int Jobs = 400;

var gate = new Lock();
var jobs = new SemaphoreSlim(0);
int done = 0;
long total = 0;
var stopwatch = Stopwatch.StartNew();

var threads = new Thread[Workers];
for (int i = 0; i < Workers; i++)
{
    int id = i;
    threads[i] = new Thread(() =>
    {
        int mine = 0;
        while (true)
        {
            jobs.Wait();
            lock (gate)
            {
                if (done == Jobs)
                    break;
                done++;
                total += done;
                mine++;
            }
            // Let the others have a turn, as real work between jobs would.
            Thread.Yield();
        }
        Console.WriteLine("worker " + id.ToString() + " did " + mine.ToString() + " jobs");
    });
    threads[i].Start();
}

for (int job = 0; job < Jobs; job++)
{
    jobs.Release();
    if (job % 100 == 99)
        Thread.Sleep(10);
}
// One more release per worker lets each see that the work is done.
jobs.Release(Workers);
foreach (Thread thread in threads)
    thread.Join();

Console.WriteLine(done.ToString() + " jobs, sum " + total.ToString() + ", in " + stopwatch.ElapsedMilliseconds.ToString() + " ms");
return done == Jobs && total == (long)Jobs * (Jobs + 1) / 2 ? 0 : 1;
