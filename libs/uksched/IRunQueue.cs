namespace Uk.Sched;

// The threads ready to run, in the order a scheduling policy picks them.
public interface IRunQueue<T> where T : class
{
    int Count { get; }

    void Enqueue(T item, int priority);

    // The next to run, or null when nothing is ready.
    T? Dequeue();

    // Whether something ready should take the CPU from a thread of this priority at once.
    bool HasHigherThan(int priority);
}
