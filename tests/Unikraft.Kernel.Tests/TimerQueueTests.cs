using Uk.Sched;

namespace Unikraft.Kernel.Tests;

public class TimerQueueTests
{
    // A clock the test advances; the queue is drained the way the timer interrupt drains it.
    private sealed class FakeClock
    {
        public long Now { get; private set; }

        public void Advance(long nanoseconds) => Now += nanoseconds;
    }

    [Fact]
    public void SleepersWakeInDeadlineOrderAndNeverEarly()
    {
        var clock = new FakeClock();
        var queue = new TimerQueue<string>();
        var random = new Random(7);
        var deadlines = new Dictionary<string, long>();
        for (int i = 0; i < 500; i++)
        {
            long deadline = random.Next(1, 1_000_000);
            deadlines["s" + i] = deadline;
            queue.Add(deadline, "s" + i);
        }

        var woken = new List<(string Name, long At)>();
        while (queue.Count > 0)
        {
            clock.Advance(random.Next(1, 5000));
            while (queue.TryTakeExpired(clock.Now, out string? name, out long deadline))
            {
                Assert.Equal(deadlines[name!], deadline);
                Assert.True(deadline <= clock.Now, "woke before its deadline");
                woken.Add((name!, deadline));
            }
            // Nothing expired is left behind.
            Assert.True(queue.EarliestDeadline > clock.Now);
        }
        Assert.Equal(500, woken.Count);
        Assert.Equal(woken.OrderBy(w => w.At).Select(w => w.At), woken.Select(w => w.At));
    }

    [Fact]
    public void EqualDeadlinesWakeInTheOrderTheyWereAdded()
    {
        var queue = new TimerQueue<string>();
        foreach (var name in new[] { "a", "b", "c", "d" })
            queue.Add(100, name);
        queue.Add(50, "first");
        var order = new List<string>();
        while (queue.TryTakeExpired(100, out string? name, out _))
            order.Add(name!);
        Assert.Equal(["first", "a", "b", "c", "d"], order);
    }

    [Fact]
    public void EarliestDeadlineIsWhatTheOneShotTimerIsArmedFor()
    {
        var queue = new TimerQueue<string>();
        Assert.Equal(long.MaxValue, queue.EarliestDeadline);
        queue.Add(300, "x");
        queue.Add(200, "y");
        Assert.Equal(200, queue.EarliestDeadline);
        Assert.False(queue.TryTakeExpired(199, out _, out _));
        Assert.True(queue.TryTakeExpired(200, out string? name, out _));
        Assert.Equal("y", name);
        Assert.Equal(300, queue.EarliestDeadline);
    }

    [Fact]
    public void StaleEntriesSweptOutLeaveTheOthersInDeadlineOrder()
    {
        var queue = new TimerQueue<string>();
        var random = new Random(11);
        var live = new List<long>();
        for (int i = 0; i < 300; i++)
        {
            long deadline = random.Next(0, 10_000);
            bool stale = i % 3 != 0;
            queue.Add(deadline, stale ? "stale" : "live");
            if (!stale)
                live.Add(deadline);
        }

        int removed = queue.RemoveWhere((name, _) => name == "stale");

        Assert.Equal(200, removed);
        Assert.Equal(100, queue.Count);
        var order = new List<long>();
        while (queue.TryTakeExpired(long.MaxValue, out string? name, out long deadline))
        {
            Assert.Equal("live", name);
            order.Add(deadline);
        }
        live.Sort();
        Assert.Equal(live, order);
    }
}
