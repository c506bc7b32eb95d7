using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

// Each line is compared with host .NET's output for the same program: only results that do
// not depend on scheduling are printed.
Check("thread join", RunThreads());
Check("lock counter", LockCounter());
Check("monitor wait/pulse", PingPong());
Check("task.run", (await Task.Run(() => Enumerable.Range(1, 100).Sum())).ToString());
Check("whenall", string.Join(",", await Task.WhenAll(Enumerable.Range(1, 5).Select(n => Task.Run(() => n * n)))));
Check("async chain", (await AddLater(2, 3)).ToString());
Check("task.delay", await DelayElapsed());
Check("whenany", await FirstOf());
Check("cancellation", await Cancelled());
Check("semaphoreslim", await Throttled());
Check("concurrentdictionary", Concurrent());
Check("async enumerable", await SumAsync());
Check("exception in task", await FaultedTask());
Check("valuetask", (await Doubled(21)).ToString());
Check("parallel for", ParallelSum().ToString());
Console.WriteLine("done");

static void Check(string name, string value) => Console.WriteLine(name + ": " + value);

static string RunThreads()
{
    var results = new int[4];
    var threads = Enumerable.Range(0, 4).Select(i => new Thread(() => results[i] = Enumerable.Range(0, 1000 * (i + 1)).Sum())).ToList();
    threads.ForEach(t => t.Start());
    threads.ForEach(t => t.Join());
    return string.Join(",", results);
}

static string LockCounter()
{
    object gate = new();
    int counter = 0;
    var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
    {
        for (int i = 0; i < 5000; i++)
        {
            lock (gate)
                counter++;
        }
    })).ToList();
    threads.ForEach(t => t.Start());
    threads.ForEach(t => t.Join());
    return counter.ToString() + " interlocked " + InterlockedSum();
}

static int InterlockedSum()
{
    int total = 0;
    var threads = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
    {
        for (int i = 0; i < 1000; i++)
            Interlocked.Add(ref total, 2);
    })).ToList();
    threads.ForEach(t => t.Start());
    threads.ForEach(t => t.Join());
    return total;
}

static string PingPong()
{
    object gate = new();
    var log = new List<string>();
    bool pingTurn = true;
    var pong = new Thread(() =>
    {
        for (int i = 0; i < 3; i++)
        {
            lock (gate)
            {
                while (pingTurn)
                    Monitor.Wait(gate);
                log.Add("pong" + i);
                pingTurn = true;
                Monitor.Pulse(gate);
            }
        }
    });
    pong.Start();
    for (int i = 0; i < 3; i++)
    {
        lock (gate)
        {
            while (!pingTurn)
                Monitor.Wait(gate);
            log.Add("ping" + i);
            pingTurn = false;
            Monitor.Pulse(gate);
        }
    }
    pong.Join();
    return string.Join(" ", log);
}

static async Task<int> AddLater(int a, int b)
{
    await Task.Yield();
    int first = await Task.Run(() => a * 10);
    await Task.Delay(1);
    return first + b;
}

static async Task<string> DelayElapsed()
{
    var watch = Stopwatch.StartNew();
    await Task.Delay(50);
    return (watch.ElapsedMilliseconds >= 45).ToString();
}

static async Task<string> FirstOf()
{
    Task<string> slow = Task.Delay(2000).ContinueWith(_ => "slow");
    Task<string> fast = Task.Delay(10).ContinueWith(_ => "fast");
    return await await Task.WhenAny(slow, fast);
}

static async Task<string> Cancelled()
{
    using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));
    try
    {
        await Task.Delay(5000, source.Token);
        return "not cancelled";
    }
    catch (TaskCanceledException)
    {
        return "TaskCanceledException " + source.IsCancellationRequested;
    }
}

static async Task<string> Throttled()
{
    var gate = new SemaphoreSlim(2);
    int inside = 0, most = 0;
    await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
    {
        await gate.WaitAsync();
        try
        {
            int now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Delay(5);
            Interlocked.Decrement(ref inside);
        }
        finally
        {
            gate.Release();
        }
    }));
    return "most inside " + most;
}

static void InterlockedMax(ref int target, int value)
{
    int seen;
    while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
    {
    }
}

static string Concurrent()
{
    var map = new ConcurrentDictionary<int, int>();
    var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
    {
        for (int i = 0; i < 250; i++)
            map.AddOrUpdate(i % 50, 1, (_, v) => v + 1);
    })).ToList();
    threads.ForEach(t => t.Start());
    threads.ForEach(t => t.Join());
    return map.Count + " keys, total " + map.Values.Sum();
}

static async IAsyncEnumerable<int> Numbers()
{
    for (int i = 1; i <= 5; i++)
    {
        await Task.Delay(1);
        yield return i;
    }
}

static async Task<string> SumAsync()
{
    int sum = 0;
    await foreach (int n in Numbers())
        sum += n;
    return sum.ToString();
}

static async Task<string> FaultedTask()
{
    try
    {
        await Task.Run(() => throw new InvalidOperationException("from the pool"));
        return "no exception";
    }
    catch (InvalidOperationException e)
    {
        return e.Message;
    }
}

static async ValueTask<int> Doubled(int n)
{
    await Task.Yield();
    return n * 2;
}

static long ParallelSum()
{
    long total = 0;
    Parallel.For(0, 100, i => Interlocked.Add(ref total, i));
    return total;
}
