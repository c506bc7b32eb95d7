using System;
using System.Runtime.CompilerServices;
using Uk.Sched;
using SchedTests;

namespace GcTests;

// Keeps live values reachable in every way a program can while allocating garbage worth
// many times the heap, then checks every value: a linked list and a hash table from a stack
// local, strings reachable only from a stack local, a static, a struct field inside an array
// and another thread's stack.
internal static class LiveSet
{
    private const int ListLength = 5000;
    private const int TableSize = 2000;

    private static string? s_onlyFromStatic;
    private static readonly Semaphore s_otherReady = new Semaphore(0);
    private static readonly Semaphore s_otherGo = new Semaphore(0);
    private static bool s_otherOk;

    public static void Run(int heapMultiple)
    {
        long heap = Memory.HeapBytes();
        int collectionsBefore = GC.CollectionCount(0);

        Node? list = null;
        for (int i = 0; i < ListLength; i++)
            list = new Node(i, list);
        var table = new StringTable();
        for (int i = 0; i < TableSize; i++)
            table.Set("key-" + i.ToString(), Strings.Make("value", i));
        string onlyFromStack = Strings.Make("stack", 12345);
        s_onlyFromStatic = Strings.Make("static", 777);
        var labels = new Labelled[100];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = new Labelled { Number = i, Label = Strings.Make("struct", i), Check = i * 3L };
        Thread other = Thread.Start(OtherThread, "holder");
        s_otherReady.Wait();

        long garbage = heap * heapMultiple;
        Garbage.Churn(garbage);
        int collections = GC.CollectionCount(0) - collectionsBefore;

        Report.Check(ListIsWhole(list), "live: linked list of " + ListLength.ToString() + " nodes intact");
        Report.Check(TableIsWhole(table), "live: table of " + TableSize.ToString() + " strings intact");
        Report.Check(onlyFromStack == Strings.Make("stack", 12345), "live: string only on the stack intact");
        Report.Check(s_onlyFromStatic == Strings.Make("static", 777), "live: string only in a static intact");
        Report.Check(LabelsAreWhole(labels), "live: strings in struct fields of an array intact");
        s_otherGo.Release();
        other.Join();
        Report.Check(s_otherOk, "live: another thread's stack locals intact");
        Report.Check(collections > heapMultiple / 2, "live: allocated " + (garbage / 1024).ToString() + " KiB of garbage (" + heapMultiple.ToString()
            + "x the " + (heap / 1024).ToString() + " KiB heap) with " + collections.ToString() + " collections");
        GC.KeepAlive(list);
        GC.KeepAlive(table);
    }

    private static void OtherThread()
    {
        string mine = Strings.Make("other", 4242);
        Node? chain = null;
        for (int i = 0; i < 100; i++)
            chain = new Node(i, chain);
        s_otherReady.Release();
        s_otherGo.Wait();
        s_otherOk = mine == Strings.Make("other", 4242) && Chain(chain, 100);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ListIsWhole(Node? list) => Chain(list, ListLength);

    private static bool Chain(Node? node, int length)
    {
        for (int expected = length - 1; expected >= 0; expected--)
        {
            if (node is null || node.Value != expected || node.Text != "node-" + expected.ToString())
                return false;
            node = node.Next;
        }
        return node is null;
    }

    private static bool TableIsWhole(StringTable table)
    {
        if (table.Count != TableSize)
            return false;
        for (int i = 0; i < TableSize; i++)
        {
            if (table.Get("key-" + i.ToString()) != Strings.Make("value", i))
                return false;
        }
        return table.Get("key-" + TableSize.ToString()) is null;
    }

    private static bool LabelsAreWhole(Labelled[] labels)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i].Number != i || labels[i].Check != i * 3L || labels[i].Label != Strings.Make("struct", i))
                return false;
        }
        return true;
    }
}
