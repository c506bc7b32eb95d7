using System;
using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

// Weak references, dependent handles (ConditionalWeakTable) and finalizers on .NET's own
// CoreLib, compared with host .NET line by line. Objects that must die are made in helpers
// that are never inlined, and right after each such call the stack the helper used is
// overwritten by a call from the same frame (Gc.Scrub): the guest's collector scans stacks
// conservatively, so a stale copy of a reference below the live frames would keep an object
// the host's precise collector frees.

Console.WriteLine("weak: " + Weak.DroppedTargetsCleared(1000) + " of 1000 cleared");
Console.WriteLine("weak: live target kept: " + Weak.LiveTargetKept());
Console.WriteLine("weak<T>: " + Weak.GenericCleared(500) + " of 500 cleared");
Console.WriteLine("weak: short cleared before finalization, long kept: " + Weak.ShortAndLong());
Console.WriteLine("table: " + Table.ValuesCollectedWithKeys(1000) + " of 1000 values collected with their keys");
Console.WriteLine("table: live key keeps its value: " + Table.LiveKeyKeepsValue());
Console.WriteLine("dependent handle: " + Table.DependentHandleCleared());
Console.WriteLine("finalizers: " + Finalizers.RunOnce(300));
Console.WriteLine("finalizers: suppressed " + Finalizers.Suppressed(200));
Console.WriteLine("finalizers: resurrected " + Finalizers.Resurrection());
Console.WriteLine("handles: " + Handles.AllocFreeLoop(100_000));
Console.WriteLine("churn: " + Churn.Run(200));
Console.WriteLine("handles: " + Handles.ManyLive(5000));
Console.WriteLine("done");

internal static class Gc
{
    // Two collections around the finalizers, as a program that wants its weak references
    // settled writes it: the second frees what the finalizers released.
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Scrub();
        GC.Collect();
    }

    // Overwrites the stack below the caller's frame, where the helper it called last left its
    // locals.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Scrub()
    {
        Span<byte> stale = stackalloc byte[32 * 1024];
        stale.Clear();
        GC.KeepAlive(stale.Length);
    }
}

internal sealed class Payload(int value)
{
    public int Value = value;
    public byte[] Data = new byte[64];
}

internal static class Weak
{
    private static readonly List<Payload> s_kept = new();

    public static int DroppedTargetsCleared(int count)
    {
        WeakReference[] references = Make(count);
        Gc.Scrub();
        Gc.Settle();
        return CountCleared(references);
    }

    public static bool LiveTargetKept()
    {
        var target = new Payload(42);
        s_kept.Add(target);
        var reference = new WeakReference(target);
        Gc.Settle();
        return reference.IsAlive && ReferenceEquals(reference.Target, s_kept[0]) && ((Payload)reference.Target!).Value == 42;
    }

    public static int GenericCleared(int count)
    {
        WeakReference<Payload>[] references = MakeGeneric(count);
        Gc.Scrub();
        Gc.Settle();
        int cleared = 0;
        foreach (WeakReference<Payload> reference in references)
            cleared += reference.TryGetTarget(out _) ? 0 : 1;
        return cleared;
    }

    public static string ShortAndLong()
    {
        (WeakReference shortWeak, WeakReference longWeak) = MakeResurrecting();
        Gc.Scrub();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        bool shortCleared = !shortWeak.IsAlive;
        bool longAlive = KeepsSaved(longWeak);
        Gc.Scrub();
        Phoenix.Saved = null;
        Gc.Settle();
        return shortCleared + " " + longAlive + ", long cleared once dropped " + !longWeak.IsAlive;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool KeepsSaved(WeakReference reference) => reference.IsAlive && ReferenceEquals(reference.Target, Phoenix.Saved);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] Make(int count)
    {
        var references = new WeakReference[count];
        for (int i = 0; i < count; i++)
            references[i] = new WeakReference(new Payload(i));
        return references;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Payload>[] MakeGeneric(int count)
    {
        var references = new WeakReference<Payload>[count];
        for (int i = 0; i < count; i++)
            references[i] = new WeakReference<Payload>(new Payload(i));
        return references;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference, WeakReference) MakeResurrecting()
    {
        var phoenix = new Phoenix(saveOnce: true);
        return (new WeakReference(phoenix), new WeakReference(phoenix, trackResurrection: true));
    }

    private static int CountCleared(WeakReference[] references)
    {
        int cleared = 0;
        foreach (WeakReference reference in references)
            cleared += reference.IsAlive ? 0 : 1;
        return cleared;
    }
}

internal sealed class Phoenix(bool saveOnce)
{
    public static Phoenix? Saved;
    public static int Runs;

    private bool _saveOnce = saveOnce;

    ~Phoenix()
    {
        Runs++;
        if (_saveOnce)
        {
            _saveOnce = false;
            Saved = this;
            GC.ReRegisterForFinalize(this);
        }
    }
}

internal static class Table
{
    private static readonly ConditionalWeakTable<Payload, Payload> s_table = new();
    private static readonly Payload s_liveKey = new(7);

    public static int ValuesCollectedWithKeys(int count)
    {
        WeakReference[] values = Fill(count);
        Gc.Scrub();
        Gc.Settle();
        int collected = 0;
        foreach (WeakReference value in values)
            collected += value.IsAlive ? 0 : 1;
        return collected;
    }

    public static string LiveKeyKeepsValue()
    {
        AddLive();
        Gc.Scrub();
        Gc.Settle();
        int entries = 0;
        foreach (KeyValuePair<Payload, Payload> _ in (IEnumerable<KeyValuePair<Payload, Payload>>)s_table)
            entries++;
        return (s_table.TryGetValue(s_liveKey, out Payload? value) && value.Value == 700) + ", entries left " + entries;
    }

    private static Payload? s_target;

    public static string DependentHandleCleared()
    {
        DependentHandle handle = MakeDependent(out WeakReference dependent);
        Gc.Scrub();
        Gc.Settle();
        bool keptWhileTargetLives = TargetAndDependentKept(handle, dependent);
        Gc.Scrub();
        s_target = null;
        Gc.Settle();
        bool clearedWithTarget = handle.Target is null && handle.Dependent is null && !dependent.IsAlive;
        handle.Dispose();
        return "kept while target lives " + keptWhileTargetLives + ", cleared with it " + clearedWithTarget;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TargetAndDependentKept(DependentHandle handle, WeakReference dependent) =>
        ReferenceEquals(handle.Target, s_target) && dependent.IsAlive && ((Payload)handle.Dependent!).Value == 2;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DependentHandle MakeDependent(out WeakReference dependent)
    {
        s_target = new Payload(1);
        var value = new Payload(2);
        dependent = new WeakReference(value);
        return new DependentHandle(s_target, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddLive() => s_table.Add(s_liveKey, new Payload(700));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] Fill(int count)
    {
        var values = new WeakReference[count];
        for (int i = 0; i < count; i++)
        {
            var value = new Payload(i);
            s_table.Add(new Payload(i), value);
            values[i] = new WeakReference(value);
        }
        return values;
    }
}

internal sealed class Counted(bool suppress)
{
    public static int Finalized;

    public readonly bool Suppress = suppress;

    ~Counted() => Interlocked.Increment(ref Finalized);
}

internal static class Finalizers
{
    public static string RunOnce(int count)
    {
        int before = Counted.Finalized;
        Make(count, suppress: false);
        Gc.Scrub();
        Gc.Settle();
        int first = Counted.Finalized - before;
        Gc.Settle();
        int second = Counted.Finalized - before - first;
        return first + " of " + count + " ran, " + second + " ran again";
    }

    public static string Suppressed(int count)
    {
        int before = Counted.Finalized;
        Make(count, suppress: true);
        Gc.Scrub();
        Gc.Settle();
        return (Counted.Finalized - before) + " of " + count + " ran";
    }

    public static string Resurrection()
    {
        Phoenix.Runs = 0;
        MakePhoenix();
        Gc.Scrub();
        Gc.Settle();
        int first = Phoenix.Runs;
        bool saved = Phoenix.Saved is not null;
        Phoenix.Saved = null;
        Gc.Settle();
        int second = Phoenix.Runs;
        Gc.Settle();
        return "saved " + saved + ", runs " + first + " then " + second + " then " + Phoenix.Runs;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MakePhoenix() => GC.KeepAlive(new Phoenix(saveOnce: true));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Make(int count, bool suppress)
    {
        for (int i = 0; i < count; i++)
        {
            var counted = new Counted(suppress);
            if (counted.Suppress)
                GC.SuppressFinalize(counted);
        }
    }
}

internal static class Handles
{
    public static string AllocFreeLoop(int count)
    {
        var target = new Payload(3);
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            GCHandle handle = GCHandle.Alloc(target, (i & 1) == 0 ? GCHandleType.Normal : GCHandleType.Weak);
            sum += ((Payload)handle.Target!).Value;
            handle.Free();
        }
        return count + " allocated and freed, sum " + sum;
    }

    public static string ManyLive(int count)
    {
        var handles = new GCHandle[count];
        for (int i = 0; i < count; i++)
            handles[i] = GCHandle.Alloc(new Payload(i));
        Gc.Settle();
        int intact = 0;
        for (int i = 0; i < count; i++)
        {
            if (((Payload)handles[i].Target!).Value == i)
                intact++;
            handles[i].Free();
        }
        return intact + " of " + count + " live handles intact";
    }
}

// About 25 MB allocated with live objects behind weak references and a ConditionalWeakTable:
// the collections the allocation triggers (incremental in the guest) must never clear a weak
// reference to a live object nor lose a live key's value, and the finalizers of the objects
// dropped meanwhile all run.
internal static class Churn
{
    public static string Run(int rounds)
    {
        int before = Counted.Finalized;
        bool intact = Allocate(rounds);
        Gc.Scrub();
        Gc.Settle();
        return "live weak targets and table values intact " + intact + ", finalized " + (Counted.Finalized - before) + " of " + rounds * 100;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Allocate(int rounds)
    {
        var live = new List<Payload>();
        var weak = new List<WeakReference>();
        var table = new ConditionalWeakTable<Payload, Payload>();
        bool intact = true;
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < 100; i++)
            {
                var payload = new Payload(round * 100 + i);
                payload.Data = new byte[1000];
                GC.KeepAlive(new Counted(false));
                if (i % 10 != 0)
                    continue;
                live.Add(payload);
                weak.Add(new WeakReference(payload));
                table.Add(payload, new Payload(-payload.Value));
            }
            for (int k = 0; k < live.Count; k++)
            {
                if (!ReferenceEquals(weak[k].Target, live[k]) || !table.TryGetValue(live[k], out Payload? value) || value.Value != -live[k].Value)
                    intact = false;
            }
        }
        return intact;
    }
}
