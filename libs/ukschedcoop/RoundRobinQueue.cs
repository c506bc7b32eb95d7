namespace Uk.Sched.Coop;

// Plain round robin: every ready thread in arrival order, priorities ignored.
public sealed class RoundRobinQueue<T> : IRunQueue<T> where T : class
{
    private readonly FifoQueue<T> _ready = new FifoQueue<T>();

    public int Count => _ready.Count;

    public void Enqueue(T item, int priority) => _ready.Enqueue(item);

    public T? Dequeue() => _ready.Dequeue();

    public bool HasHigherThan(int priority) => false;
}
