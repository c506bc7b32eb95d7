using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// What the runtime keeps per thread: CoreLib's thread-static root, the exceptions in flight
// and errno. A scheduler thread carries its block (the seam's per-thread slot); the boot
// thread, and Main when no scheduler is linked, use primitive statics, which work before GC
// statics exist.
internal sealed unsafe class ThreadBlock
{
    internal object?[]?[]? ThreadStatics;
    internal ExInfo* ExInfoHead;
    internal int Errno;
}

internal static unsafe class ThreadBlocks
{
    private static nint s_bootThreadStatics;
    private static ExInfo* s_bootExInfoHead;
    private static int s_bootErrno;

    // The running scheduler thread's block, or null on the boot thread.
    internal static ThreadBlock? Current
    {
        get
        {
            if (!ThreadingSeam.IsInstalled)
                return null;
            object? thread = ThreadingSeam.Installed.CurrentIfRunning;
            if (thread is null)
                return null;
            if (ThreadingSeam.Installed.GetWrapper(thread) is ThreadBlock block)
                return block;
            block = new ThreadBlock();
            ThreadingSeam.Installed.SetWrapper(thread, block);
            return block;
        }
    }

    internal static ref object?[]?[]? ThreadStatics
    {
        get
        {
            ThreadBlock? block = Current;
            if (block is not null)
                return ref block.ThreadStatics;
            fixed (nint* slot = &s_bootThreadStatics)
                return ref Unsafe.AsRef<object?[]?[]?>(slot);
        }
    }

    internal static ExInfo* ExInfoHead
    {
        get => Current is ThreadBlock block ? block.ExInfoHead : s_bootExInfoHead;
        set
        {
            if (Current is ThreadBlock block)
                block.ExInfoHead = value;
            else
                s_bootExInfoHead = value;
        }
    }

    internal static int Errno
    {
        get => Current is ThreadBlock block ? block.Errno : s_bootErrno;
        set
        {
            if (Current is ThreadBlock block)
                block.Errno = value;
            else
                s_bootErrno = value;
        }
    }
}
