using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using static Corpus.Report;

namespace Corpus;

// async/await and threads: only results that do not depend on the schedule are printed.
internal static class Concurrency
{
    public static async Task RunAsync()
    {
        Check("async sequential", await Sequential());
        Check("async whenall order", Join(await Task.WhenAll(Enumerable.Range(1, 6).Select(async n => { await Task.Yield(); return n * n; }))));
        Check("async exception", await Caught());
        Check("async aggregate", await Aggregated());
        Check("async taskcompletionsource", await Completed());
        Check("async cancellation", await CancelledDelay());
        Check("async cancellation token", await CancelledLoop());
        Check("async configureawait", await Task.Run(async () => { await Task.Delay(1).ConfigureAwait(false); return "resumed"; }));
        Check("async valuetask", await Cached(3) + await Cached(3));
        Check("async enumerable", Join(await Collect(Generate(5))));
        Check("async enumerable cancel", await CancelEnumeration());
        Check("async continuewith", await Task.FromResult(20).ContinueWith(t => t.Result + 1));
        Check("async task states", await States());
        Check("async whenany", await Task.WhenAny(Task.Delay(Timeout.Infinite, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token), Task.FromResult("ready")) is Task<string> winner ? winner.Result : "delay");
        Check("async waitasync timeout", Throws(() => Task.Delay(Timeout.Infinite).WaitAsync(TimeSpan.FromMilliseconds(20)).GetAwaiter().GetResult()).Split(':')[0]);
        Check("async local", await FlowsAsyncLocal());
        Check("async recursion", await SumTo(200));
        Check("async lock semaphore", await GuardedCounter());
        Check("channel producer/consumer", await ChannelSum());
        Check("channel bounded", await BoundedChannel());
        Check("parallel foreach", ParallelForEach());
        Check("parallel foreachasync", await ParallelAsync());
        Check("plinq", Enumerable.Range(1, 1000).AsParallel().Where(n => n % 3 == 0).Sum() + " " + Join(Enumerable.Range(1, 10).AsParallel().AsOrdered().Select(n => n * 2).Take(4)));
        Check("concurrentqueue producers", ConcurrentProducers());
        Check("threads interlocked", InterlockedThreads());
        Check("threads readerwriterlock", ReaderWriter());
        Check("threads barrier", BarrierPhases());
        Check("threads countdownevent", Countdown());
        Check("threads manualresetevent", ResetEvents());
        Check("threads threadlocal", ThreadLocals());
        Check("threads lazy", LazyOnce());
        Check("threads timer", await TimerTicks());
        Check("threads join result", ThreadResults());
        Check("threads exception in thread", ThreadException());
        Check("threads monitor", MonitorHandOff());
    }

    private static async Task<string> Sequential()
    {
        var steps = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            await Task.Delay(1);
            steps.Add("step" + i);
        }
        return Join(steps);
    }

    private static async Task<string> Caught()
    {
        try
        {
            await Fail("inner failure");
            return "none";
        }
        catch (InvalidOperationException exception)
        {
            return exception.Message;
        }
    }

    private static async Task Fail(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    private static async Task<string> Aggregated()
    {
        Task all = Task.WhenAll(Fail("one"), Fail("two"), Task.CompletedTask);
        try
        {
            await all;
        }
        catch (InvalidOperationException first)
        {
            return first.Message + " " + all.Exception!.InnerExceptions.Count + " " + Join(all.Exception.InnerExceptions.Select(e => e.Message).Order());
        }
        return "none";
    }

    private static async Task<string> Completed()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () => { await Task.Delay(5); source.SetResult(99); });
        int value = await source.Task;
        var failed = new TaskCompletionSource<int>();
        failed.SetException(new FormatException("bad"));
        var cancelled = new TaskCompletionSource<int>();
        cancelled.SetCanceled();
        return $"{value} {failed.Task.IsFaulted} {cancelled.Task.IsCanceled} {failed.TrySetResult(1)}";
    }

    private static async Task<string> CancelledDelay()
    {
        using var source = new CancellationTokenSource();
        Task delay = Task.Delay(Timeout.Infinite, source.Token);
        source.CancelAfter(10);
        try
        {
            await delay;
            return "finished";
        }
        catch (TaskCanceledException)
        {
            return "canceled " + delay.Status;
        }
    }

    private static async Task<string> CancelledLoop()
    {
        using var source = new CancellationTokenSource();
        var registrations = new List<string>();
        source.Token.Register(() => registrations.Add("callback"));
        int iterations = 0;
        Task loop = Task.Run(async () =>
        {
            while (true)
            {
                source.Token.ThrowIfCancellationRequested();
                if (++iterations == 5)
                    source.Cancel();
                await Task.Yield();
            }
        });
        try
        {
            await loop;
        }
        catch (OperationCanceledException exception)
        {
            return $"{iterations} {exception.CancellationToken == source.Token} {loop.IsCanceled} {Join(registrations)}";
        }
        return "not canceled";
    }

    private static readonly Dictionary<int, int> s_cache = new();

    private static ValueTask<int> Cached(int n)
    {
        if (s_cache.TryGetValue(n, out int hit))
            return ValueTask.FromResult(hit);
        return new ValueTask<int>(Compute(n));

        static async Task<int> Compute(int n)
        {
            await Task.Yield();
            return s_cache[n] = n * 100;
        }
    }

    private static async IAsyncEnumerable<int> Generate(int count, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Delay(1, cancellation);
            yield return i * i;
        }
    }

    private static async Task<List<int>> Collect(IAsyncEnumerable<int> items)
    {
        var list = new List<int>();
        await foreach (int item in items)
            list.Add(item);
        return list;
    }

    private static async Task<string> CancelEnumeration()
    {
        using var source = new CancellationTokenSource();
        var seen = new List<int>();
        try
        {
            await foreach (int item in Generate(100).WithCancellation(source.Token))
            {
                seen.Add(item);
                if (seen.Count == 3)
                    source.Cancel();
            }
        }
        catch (OperationCanceledException)
        {
            seen.Add(-1);
        }
        return Join(seen);
    }

    private static async Task<string> States()
    {
        Task<int> done = Task.FromResult(1);
        Task faulted = Task.FromException(new Exception("x"));
        Task canceled = Task.FromCanceled(new CancellationToken(true));
        var gate = new TaskCompletionSource();
        Task waiting = gate.Task;
        string before = waiting.Status.ToString();
        gate.SetResult();
        await waiting;
        return $"{done.Status} {faulted.Status} {canceled.Status} {before} {waiting.Status} {Task.CompletedTask.IsCompletedSuccessfully}";
    }

    private static readonly AsyncLocal<string> s_context = new();

    private static async Task<string> FlowsAsyncLocal()
    {
        s_context.Value = "outer";
        string inner = await Task.Run(async () =>
        {
            await Task.Yield();
            string seen = s_context.Value ?? "null";
            s_context.Value = "changed inside";
            return seen;
        });
        return inner + " " + s_context.Value;
    }

    private static async Task<int> SumTo(int n) => n == 0 ? 0 : n + await SumTo(n - 1);

    private static async Task<int> GuardedCounter()
    {
        var semaphore = new SemaphoreSlim(1, 1);
        int counter = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < 50; i++)
            {
                await semaphore.WaitAsync();
                try
                {
                    int read = counter;
                    await Task.Yield();
                    counter = read + 1;
                }
                finally
                {
                    semaphore.Release();
                }
            }
        })));
        return counter;
    }

    private static async Task<string> ChannelSum()
    {
        var channel = Channel.CreateUnbounded<int>();
        Task producer = Task.Run(async () =>
        {
            for (int i = 1; i <= 100; i++)
                await channel.Writer.WriteAsync(i);
            channel.Writer.Complete();
        });
        int sum = 0, count = 0;
        await foreach (int item in channel.Reader.ReadAllAsync())
        {
            sum += item;
            count++;
        }
        await producer;
        return $"{count} {sum}";
    }

    private static async Task<string> BoundedChannel()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropOldest });
        foreach (string item in new[] { "a", "b", "c", "d" })
            await channel.Writer.WriteAsync(item);
        channel.Writer.Complete();
        var items = new List<string>();
        while (await channel.Reader.WaitToReadAsync())
        {
            while (channel.Reader.TryRead(out string? item))
                items.Add(item);
        }
        return Join(items);
    }

    private static string ParallelForEach()
    {
        var results = new ConcurrentDictionary<int, int>();
        ParallelLoopResult loop = Parallel.ForEach(Enumerable.Range(1, 50), n => results[n] = n * n);
        long total = 0;
        Parallel.For(0, 100, () => 0L, (i, _, local) => local + i, local => Interlocked.Add(ref total, local));
        return $"{loop.IsCompleted} {results.Count} {results.Values.Sum()} {total}";
    }

    private static async Task<int> ParallelAsync()
    {
        int sum = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, 20), new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (n, token) =>
        {
            await Task.Yield();
            Interlocked.Add(ref sum, n);
        });
        return sum;
    }

    private static string ConcurrentProducers()
    {
        var queue = new ConcurrentQueue<int>();
        Thread[] producers = Enumerable.Range(0, 4).Select(p => new Thread(() =>
        {
            for (int i = 0; i < 250; i++)
                queue.Enqueue(p * 1000 + i);
        })).ToArray();
        foreach (Thread producer in producers)
            producer.Start();
        foreach (Thread producer in producers)
            producer.Join();
        long sum = 0;
        int count = 0;
        var perProducerOrdered = new int[4];
        var last = new int[] { -1, -1, -1, -1 };
        while (queue.TryDequeue(out int item))
        {
            sum += item;
            count++;
            int producer = item / 1000;
            if (item % 1000 > last[producer])
                perProducerOrdered[producer]++;
            last[producer] = item % 1000;
        }
        return $"{count} {sum} {Join(perProducerOrdered)}";
    }

    private static string InterlockedThreads()
    {
        long total = 0;
        int maximum = 0;
        Thread[] threads = Enumerable.Range(1, 4).Select(t => new Thread(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                Interlocked.Increment(ref total);
                int candidate = t * 1000 + i;
                int seen;
                do
                {
                    seen = Volatile.Read(ref maximum);
                }
                while (candidate > seen && Interlocked.CompareExchange(ref maximum, candidate, seen) != seen);
            }
        })).ToArray();
        foreach (Thread thread in threads)
            thread.Start();
        foreach (Thread thread in threads)
            thread.Join();
        int exchanged = 5;
        int old = Interlocked.Exchange(ref exchanged, 9);
        return $"{total} {maximum} {old}{exchanged} {Interlocked.Add(ref total, -4000)}";
    }

    private static string ReaderWriter()
    {
        var rw = new ReaderWriterLockSlim();
        var data = new List<int>();
        var threads = Enumerable.Range(0, 3).Select(t => new Thread(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                rw.EnterWriteLock();
                try
                {
                    data.Add(i);
                }
                finally
                {
                    rw.ExitWriteLock();
                }
                rw.EnterReadLock();
                try
                {
                    _ = data.Count;
                }
                finally
                {
                    rw.ExitReadLock();
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return $"{data.Count} {data.Sum()} {rw.IsWriteLockHeld}";
    }

    private static string BarrierPhases()
    {
        var phases = new ConcurrentBag<long>();
        using var barrier = new Barrier(3, b => phases.Add(b.CurrentPhaseNumber));
        var threads = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            for (int i = 0; i < 4; i++)
                barrier.SignalAndWait();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return Join(phases.Order());
    }

    private static string Countdown()
    {
        using var countdown = new CountdownEvent(5);
        int work = 0;
        for (int i = 0; i < 5; i++)
        {
            new Thread(() =>
            {
                Interlocked.Increment(ref work);
                countdown.Signal();
            }).Start();
        }
        bool signalled = countdown.Wait(TimeSpan.FromSeconds(30));
        return $"{signalled} {work} {countdown.CurrentCount}";
    }

    private static string ResetEvents()
    {
        using var ready = new ManualResetEventSlim(false);
        using var go = new AutoResetEvent(false);
        var log = new ConcurrentQueue<string>();
        var worker = new Thread(() =>
        {
            log.Enqueue("waiting");
            ready.Set();
            go.WaitOne();
            log.Enqueue("released");
        });
        worker.Start();
        ready.Wait();
        bool timedOut = !go.WaitOne(10);
        go.Set();
        worker.Join();
        return $"{Join(log)} {timedOut} {ready.IsSet}";
    }

    private static string ThreadLocals()
    {
        using var local = new ThreadLocal<int>(() => 10, trackAllValues: true);
        var threads = Enumerable.Range(1, 3).Select(t => new Thread(() => local.Value += t)).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return $"{local.Value} {Join(local.Values.Order())}";
    }

    [ThreadStatic]
    private static int t_calls;

    private static string LazyOnce()
    {
        int created = 0;
        var lazy = new Lazy<string>(() => { Interlocked.Increment(ref created); return "value"; }, LazyThreadSafetyMode.ExecutionAndPublication);
        var threads = Enumerable.Range(0, 4).Select(index => new Thread(() => { _ = lazy.Value; t_calls++; })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        t_calls++;
        string? initialized = null;
        LazyInitializer.EnsureInitialized(ref initialized, () => "once");
        return $"{lazy.Value} {created} {lazy.IsValueCreated} {t_calls} {initialized}";
    }

    private static async Task<string> TimerTicks()
    {
        int ticks = 0;
        var done = new TaskCompletionSource();
        using var timer = new Timer(_ =>
        {
            if (Interlocked.Increment(ref ticks) == 3)
                done.TrySetResult();
        }, null, 1, 1);
        await done.Task;
        using var periodic = new PeriodicTimer(TimeSpan.FromMilliseconds(2));
        int periods = 0;
        while (periods < 3 && await periodic.WaitForNextTickAsync())
            periods++;
        return $"{ticks >= 3} {periods}";
    }

    private static string ThreadResults()
    {
        var results = new string[3];
        var threads = Enumerable.Range(0, 3).Select(i => new Thread(state => results[i] = $"{state}:{Thread.CurrentThread.Name}") { Name = "worker" + i }).ToArray();
        for (int i = 0; i < threads.Length; i++)
            threads[i].Start(i * 10);
        foreach (Thread thread in threads)
            thread.Join();
        return $"{Join(results)} {threads[0].IsAlive} {threads[0].ThreadState}";
    }

    private static string ThreadException()
    {
        Exception? caught = null;
        var thread = new Thread(() =>
        {
            try
            {
                throw new ArgumentOutOfRangeException("index", "out of range in thread");
            }
            catch (Exception exception)
            {
                caught = exception;
            }
        });
        thread.Start();
        thread.Join();
        return caught?.GetType().Name + " " + (caught as ArgumentOutOfRangeException)?.ParamName;
    }

    private static string MonitorHandOff()
    {
        var gate = new object();
        var buffer = new Queue<int>();
        var consumed = new List<int>();
        var consumer = new Thread(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                lock (gate)
                {
                    while (buffer.Count == 0)
                        Monitor.Wait(gate);
                    consumed.Add(buffer.Dequeue());
                    Monitor.PulseAll(gate);
                }
            }
        });
        consumer.Start();
        for (int i = 0; i < 20; i++)
        {
            lock (gate)
            {
                while (buffer.Count >= 2)
                    Monitor.Wait(gate);
                buffer.Enqueue(i);
                Monitor.PulseAll(gate);
            }
        }
        consumer.Join();
        return $"{consumed.Count} {consumed.Sum()} {consumed.SequenceEqual(Enumerable.Range(0, 20))} {Monitor.IsEntered(gate)}";
    }
}
