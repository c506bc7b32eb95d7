namespace Uk.Sched;

public enum ThreadState
{
    Ready,
    Running,
    Blocked,
    Exited,
}
