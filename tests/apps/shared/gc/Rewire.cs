using System;
using Uk.Gc;
using SchedTests;

namespace GcTests;

// A mutator that keeps rewiring a large linked structure while incremental marking is under
// way: nodes move between two lists, nodes swap their strings, a list segment is reversed
// and an array of nodes is shifted with Array.Copy. Each moves the only reference to an object
// from a field the marker may not have traced yet into one it may have traced already, which
// only the write barriers make safe. Afterwards every node and string is checked.
internal static class Rewire
{
    private const int NodeCount = 30000;
    private const int WindowLength = 512;

    public static void Run(int rounds)
    {
        int collectionsBefore = GC.CollectionCount(0);
        Node? first = null;
        for (int i = 0; i < NodeCount; i++)
            first = new Node(i, first);
        Node? second = null;
        var window = new Node?[WindowLength];
        uint random = 2463534242;
        long rewiredWhileMarking = 0;
        long garbage = 0;

        for (int round = 0; round < rounds; round++)
        {
            for (int step = 0; step < 64; step++)
            {
                random ^= random << 13;
                random ^= random >> 17;
                random ^= random << 5;
                if (ManagedHeap.InCollection)
                    rewiredWhileMarking++;
                switch (random % 4)
                {
                    case 0:
                        MoveHead(ref first, ref second);
                        break;
                    case 1:
                        MoveHead(ref second, ref first);
                        break;
                    case 2:
                        SwapStrings(first, second, (int)(random >> 8) % 64);
                        break;
                    default:
                        ReverseAfter(first, (int)(random >> 8) % 32, 16);
                        break;
                }
                // Shift the window one place (a bulk copy over references) and put a node in.
                Array.Copy(window, 1, window, 0, WindowLength - 1);
                window[WindowLength - 1] = (random & 1) == 0 ? first : second;
                garbage += Garbage(round, step);
            }
        }

        bool[] seen = new bool[NodeCount];
        int count = Check(first, seen) + Check(second, seen);
        bool allSeen = true;
        for (int i = 0; i < NodeCount; i++)
            allSeen &= seen[i];
        int windowBad = 0;
        foreach (Node? node in window)
            if (node is not null && node.Text != "node-" + node.Value.ToString())
                windowBad++;
        int collections = GC.CollectionCount(0) - collectionsBefore;
        Report.Check(count == NodeCount && allSeen && windowBad == 0,
            "rewire: " + count.ToString() + " of " + NodeCount.ToString() + " nodes intact, window " + windowBad.ToString() + " damaged");
        Report.Check(rewiredWhileMarking >= 1000 && collections >= 5,
            "rewire: " + rewiredWhileMarking.ToString() + " rewirings while marking, over " + collections.ToString() + " collections, " + (garbage / 1024).ToString() + " KiB garbage");
    }

    private static void MoveHead(ref Node? from, ref Node? to)
    {
        Node? moved = from;
        if (moved is null)
            return;
        from = moved.Next;
        moved.Next = to;
        to = moved;
    }

    // Swaps the value and string of the node after skip nodes in each list.
    private static void SwapStrings(Node? a, Node? b, int skip)
    {
        for (int i = 0; i < skip && a?.Next is not null; i++)
            a = a.Next;
        for (int i = 0; i < skip && b?.Next is not null; i++)
            b = b.Next;
        if (a is null || b is null)
            return;
        int value = a.Value;
        a.Value = b.Value;
        b.Value = value;
        string text = a.Text;
        a.Text = b.Text;
        b.Text = text;
    }

    // Reverses length nodes after the node skip places into the list.
    private static void ReverseAfter(Node? list, int skip, int length)
    {
        for (int i = 0; i < skip && list?.Next is not null; i++)
            list = list.Next;
        if (list is null)
            return;
        Node? reversed = null;
        Node? current = list.Next;
        Node? tail = current;
        for (int i = 0; i < length && current is not null; i++)
        {
            Node? next = current.Next;
            current.Next = reversed;
            reversed = current;
            current = next;
        }
        if (tail is not null)
            tail.Next = current;
        list.Next = reversed;
    }

    private static int Garbage(int round, int step)
    {
        string text = "garbage-" + round.ToString() + "-" + step.ToString();
        var bytes = new byte[200 + step];
        bytes[0] = (byte)text.Length;
        return text.Length * 2 + bytes.Length + 64;
    }

    private static int Check(Node? list, bool[] seen)
    {
        int count = 0;
        for (Node? node = list; node is not null && count <= NodeCount; node = node.Next, count++)
        {
            if (node.Value < 0 || node.Value >= NodeCount || seen[node.Value] || node.Text != "node-" + node.Value.ToString())
                return -NodeCount;
            seen[node.Value] = true;
        }
        return count;
    }
}
