using Internal.Runtime;

namespace System.Threading;

// System.Threading.Thread over the image's scheduler (uksched): each started Thread is one
// kernel thread with its own guarded stack. Needs uksched and a policy library in the
// manifest; without them Start throws PlatformNotSupportedException.
public sealed class Thread
{
    private readonly Delegate _start;
    private readonly int _maxStackSize;
    private object? _handle;
    private object? _parameter;
    private string? _name;

    public Thread(ThreadStart start) : this(start, 0)
    {
    }

    public Thread(ThreadStart start, int maxStackSize)
    {
        _start = start ?? throw new ArgumentNullException(nameof(start));
        _maxStackSize = maxStackSize;
    }

    public Thread(ParameterizedThreadStart start) : this(start, 0)
    {
    }

    public Thread(ParameterizedThreadStart start, int maxStackSize)
    {
        _start = start ?? throw new ArgumentNullException(nameof(start));
        _maxStackSize = maxStackSize;
    }

    // The thread that runs Main and threads the kernel started itself.
    private Thread(object handle, string? name)
    {
        _start = (ThreadStart)(() => { });
        _handle = handle;
        _name = name;
    }

    public string? Name
    {
        get => _name;
        set
        {
            if (_name is not null)
                throw new InvalidOperationException("a thread's name can be set once");
            _name = value;
        }
    }

    public ThreadPriority Priority { get; set; } = ThreadPriority.Normal;

    // Background threads do not keep the kernel up; neither do foreground ones: the kernel
    // shuts down when Main returns.
    public bool IsBackground { get; set; }

    public bool IsAlive => _handle is not null && ThreadingSeam.Installed.IsAlive(_handle);

    public int ManagedThreadId => _handle is null ? 0 : ThreadingSeam.Installed.Id(_handle);

    public static Thread CurrentThread
    {
        get
        {
            ThreadingSeam seam = ThreadingSeam.Installed;
            object handle = seam.Current;
            if (seam.GetWrapper(handle) is Thread known)
                return known;
            var wrapper = new Thread(handle, null);
            seam.SetWrapper(handle, wrapper);
            return wrapper;
        }
    }

    public void Start()
    {
        if (_handle is not null)
            throw new ThreadStateException("Thread is running or terminated; it cannot restart.");
        ThreadingSeam seam = ThreadingSeam.Installed;
        _handle = seam.Start(Run, _name, SchedulerPriority(Priority), _maxStackSize);
        seam.SetWrapper(_handle, this);
    }

    public void Start(object? parameter)
    {
        if (_start is not ParameterizedThreadStart)
            throw new InvalidOperationException("this thread's start method takes no parameter");
        _parameter = parameter;
        Start();
    }

    public void Join()
    {
        if (_handle is null)
            throw new ThreadStateException("Thread has not been started.");
        ThreadingSeam.Installed.Join(_handle, long.MaxValue);
    }

    public bool Join(int millisecondsTimeout)
    {
        if (_handle is null)
            throw new ThreadStateException("Thread has not been started.");
        return ThreadingSeam.Installed.Join(_handle, Deadline.After(millisecondsTimeout));
    }

    public bool Join(TimeSpan timeout) => Join(Deadline.Milliseconds(timeout));

    public static void Sleep(int millisecondsTimeout)
    {
        long deadline = Deadline.After(millisecondsTimeout);
        if (millisecondsTimeout == 0)
            Yield();
        else
            ThreadingSeam.Installed.SleepUntil(deadline);
    }

    public static void Sleep(TimeSpan timeout) => Sleep(Deadline.Milliseconds(timeout));

    public static bool Yield()
    {
        ThreadingSeam.Installed.Yield();
        return true;
    }

    private void Run()
    {
        if (_start is ThreadStart start)
            start();
        else
            ((ParameterizedThreadStart)_start)(_parameter);
    }

    // The scheduler's 0-15, Normal at 8.
    private static int SchedulerPriority(ThreadPriority priority) => priority switch
    {
        ThreadPriority.Lowest => 0,
        ThreadPriority.BelowNormal => 4,
        ThreadPriority.AboveNormal => 12,
        ThreadPriority.Highest => 15,
        _ => 8,
    };
}
