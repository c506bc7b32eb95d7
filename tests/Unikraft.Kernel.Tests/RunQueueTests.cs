using Uk.Sched;
using Uk.Sched.Coop;
using Uk.Sched.Preempt;

namespace Unikraft.Kernel.Tests;

public class RunQueueTests
{
    private sealed class Task(string name)
    {
        public string Name { get; } = name;

        public int Runs { get; set; }

        public override string ToString() => Name;
    }

    [Fact]
    public void FifoQueueKeepsOrderAcrossGrowthAndWrapAround()
    {
        var queue = new FifoQueue<string>();
        var expected = new Queue<string>();
        for (int round = 0; round < 50; round++)
        {
            for (int i = 0; i < round % 13; i++)
            {
                queue.Enqueue($"{round}.{i}");
                expected.Enqueue($"{round}.{i}");
            }
            for (int i = 0; i < round % 7 && expected.Count > 0; i++)
                Assert.Equal(expected.Dequeue(), queue.Dequeue());
            Assert.Equal(expected.Count, queue.Count);
        }
        while (expected.Count > 0)
            Assert.Equal(expected.Dequeue(), queue.Dequeue());
        Assert.Null(queue.Dequeue());
        Assert.Null(queue.Peek());
    }

    [Fact]
    public void RoundRobinGivesEveryThreadTheSameNumberOfTurns()
    {
        var queue = new RoundRobinQueue<Task>();
        var tasks = Enumerable.Range(0, 5).Select(i => new Task("t" + i)).ToArray();
        foreach (var task in tasks)
            queue.Enqueue(task, priority: task.Name == "t3" ? 15 : 0);
        var order = new List<string>();
        for (int turn = 0; turn < 100; turn++)
        {
            var next = queue.Dequeue()!;
            next.Runs++;
            order.Add(next.Name);
            queue.Enqueue(next, 0);
        }
        Assert.All(tasks, t => Assert.Equal(20, t.Runs));
        Assert.Equal(["t0", "t1", "t2", "t3", "t4", "t0"], order.Take(6));
        Assert.False(queue.HasHigherThan(0));
    }

    [Fact]
    public void PriorityQueueRunsHigherPrioritiesFirstAndRoundRobinWithinOne()
    {
        var queue = new PriorityRunQueue<Task>();
        var low = new Task("low");
        var highA = new Task("highA");
        var highB = new Task("highB");
        var middle = new Task("middle");
        queue.Enqueue(low, 1);
        queue.Enqueue(highA, 12);
        queue.Enqueue(middle, 8);
        queue.Enqueue(highB, 12);
        Assert.True(queue.HasHigherThan(8));
        Assert.False(queue.HasHigherThan(12));

        var order = new List<string>();
        for (int turn = 0; turn < 6; turn++)
        {
            var next = queue.Dequeue()!;
            order.Add(next.Name);
            if (next.Name.StartsWith("high", StringComparison.Ordinal) && turn < 2)
                queue.Enqueue(next, 12);
        }
        Assert.Equal(["highA", "highB", "highA", "highB", "middle", "low"], order);
        Assert.Equal(0, queue.Count);
        Assert.Null(queue.Dequeue());
    }

    [Fact]
    public void PriorityQueueRejectsPrioritiesOutsideItsLevels()
    {
        var queue = new PriorityRunQueue<Task>();
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.Enqueue(new Task("x"), 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.Enqueue(new Task("x"), -1));
    }
}
