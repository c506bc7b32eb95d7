using System.Threading;
using Internal.Runtime;

namespace System.Runtime.CompilerServices;

// Runs static constructors the way .NET does: at the first access to the type (or, for
// beforefieldinit types, before the first access to a static field; ILC places the checks),
// once, on the thread that gets there first while others wait; a recursive access from that
// thread sees the statics as they are; a constructor that throws makes every access to the
// type throw the same TypeInitializationException.
internal static unsafe class ClassConstructorRunner
{
    private const nint Running = 1;
    private const nint Failed = 2;

    // Types being constructed or whose constructor failed, few at any time.
    private static ConstructionRecord? s_records;

    private static object CheckStaticClassConstructionReturnGCStaticBase(StaticClassConstructionContext* context, object gcStaticBase)
    {
        EnsureClassConstructorRun(context);
        return gcStaticBase;
    }

    private static nint CheckStaticClassConstructionReturnNonGCStaticBase(StaticClassConstructionContext* context, nint nonGcStaticBase)
    {
        EnsureClassConstructorRun(context);
        return nonGcStaticBase;
    }

    public static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
    {
        while (true)
        {
            nint state = context->cctorMethodAddress;
            if (state == 0)
                return;
            if (state == Failed)
                throw FindRecord(context)!.Failure!;
            object? thread = CurrentThread();
            if (state == Running)
            {
                ConstructionRecord? record = FindRecord(context);
                // The constructing thread itself (a constructor touching its own type, or a
                // cycle between two types) goes on with the statics as they are.
                if (record is not null && record.Thread == thread)
                    return;
                // Another thread runs it (or is about to record that it does): wait.
                if (thread is null)
                    return;
                ThreadingSeam.Installed.Yield();
                continue;
            }
            // The context is its one field, cctorMethodAddress.
            if (Interlocked.CompareExchange(ref *(nint*)context, Running, state) != state)
                continue;
            Run(context, state, thread);
            return;
        }
    }

    private static void Run(StaticClassConstructionContext* context, nint constructor, object? thread)
    {
        var record = new ConstructionRecord((nint)context, thread) { Next = s_records };
        s_records = record;
        try
        {
            ((delegate*<void>)constructor)();
        }
        catch (Exception exception)
        {
            record.Failure = new TypeInitializationException(TypeNameOf(constructor), exception);
            context->cctorMethodAddress = Failed;
            throw record.Failure;
        }
        Remove(record);
        context->cctorMethodAddress = 0;
    }

    // The constructor's owner from the image's symbol table ("Ns.Type..cctor" -> "Ns.Type").
    private static string TypeNameOf(nint constructor)
    {
        if (!SymbolTable.TryFind((ulong)constructor, out string name, out _))
            return "?";
        int end = name.EndsWith(".cctor") ? name.Length - ".cctor".Length : name.LastIndexOf('.');
        while (end > 0 && name[end - 1] == '.')
            end--;
        return end > 0 ? name.Substring(0, end) : name;
    }

    private static object? CurrentThread() => ThreadingSeam.IsInstalled ? ThreadingSeam.Installed.CurrentIfRunning : null;

    private static ConstructionRecord? FindRecord(StaticClassConstructionContext* context)
    {
        for (ConstructionRecord? record = s_records; record is not null; record = record.Next)
        {
            if (record.Context == (nint)context)
                return record;
        }
        return null;
    }

    private static void Remove(ConstructionRecord target)
    {
        if (s_records == target)
        {
            s_records = target.Next;
            return;
        }
        for (ConstructionRecord? record = s_records; record is not null; record = record.Next)
        {
            if (record.Next == target)
            {
                record.Next = target.Next;
                return;
            }
        }
    }

    private sealed class ConstructionRecord
    {
        internal ConstructionRecord(nint context, object? thread)
        {
            Context = context;
            Thread = thread;
        }

        internal nint Context { get; }

        internal object? Thread { get; }

        internal Exception? Failure { get; set; }

        internal ConstructionRecord? Next { get; set; }
    }
}
