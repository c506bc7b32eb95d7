using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Linq;
using static Corpus.Report;

namespace Corpus;

// The generic collections, immutable and concurrent ones, and their enumerators' rules.
internal static class Collections
{
    public static void Run()
    {
        var list = new List<int> { 5, 1, 4 };
        list.AddRange(new[] { 9, 2, 6 });
        list.Insert(2, 7);
        list.RemoveAt(0);
        list.Remove(9);
        Check("list edits", Join(list) + " count=" + list.Count);
        list.Sort((a, b) => b.CompareTo(a));
        Check("list sort comparison", Join(list) + " index4=" + list.IndexOf(4) + " find>3=" + list.Find(n => n > 3) + " findlast<5=" + list.FindLast(n => n < 5));
        Check("list ranges", Join(list.GetRange(1, 3)) + " all>0=" + list.TrueForAll(n => n > 0) + " removeall=" + list.RemoveAll(n => n % 2 == 0) + " left=" + Join(list));
        Check("list convert/exists", Join(list.ConvertAll(n => n * 10)) + " " + list.Exists(n => n == 7) + " " + list.FindIndex(n => n == 7));
        var names = new List<string> { "delta", "Alpha", "charlie", "Bravo" };
        names.Sort(StringComparer.OrdinalIgnoreCase);
        Check("list sort comparer", Join(names) + " search=" + names.BinarySearch("charlie", StringComparer.OrdinalIgnoreCase));
        Check("list modified enumeration", Throws(() => { foreach (int n in list) list.Add(n); }));
        Check("list capacity", new List<int>(100).Capacity + " " + Throws(() => _ = new List<int>()[0]));
        Check("array methods", $"{Array.IndexOf(new[] { 3, 1, 4, 1 }, 1)} {Array.LastIndexOf(new[] { 3, 1, 4, 1 }, 1)} {Array.BinarySearch(new[] { 1, 3, 5, 7 }, 4)} {Join(Array.FindAll(new[] { 1, 2, 3, 4 }, n => n % 2 == 0))}");
        int[] resized = { 1, 2, 3 };
        Array.Resize(ref resized, 5);
        int[,] grid = { { 1, 2, 3 }, { 4, 5, 6 } };
        Check("array resize/multi", Join(resized) + " rank=" + grid.Rank + " " + grid.GetLength(1) + " " + grid[1, 2] + " len=" + grid.Length);
        int[][] jagged = { new[] { 1 }, new[] { 2, 3 } };
        var keys = new[] { 3, 1, 2 };
        var values = new[] { "c", "a", "b" };
        Array.Sort(keys, values);
        Check("array jagged/sort pair", jagged[1][1] + " " + Join(keys) + " " + Join(values) + " " + Join(Array.ConvertAll(keys, k => k * 2)));
        Check("array fill/clear", Join(Enumerable.Repeat(0, 1).Select(_ => { var a = new int[5]; Array.Fill(a, 7); Array.Clear(a, 1, 2); return Join(a); })));

        var dictionary = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["One"] = 1, ["two"] = 2 };
        dictionary["ONE"] = 11;
        dictionary.TryAdd("three", 3);
        bool added = dictionary.TryAdd("Two", 22);
        Check("dictionary comparer", $"{dictionary["one"]} {dictionary.Count} {added} {dictionary.ContainsKey("THREE")} {dictionary.ContainsValue(2)}");
        Check("dictionary missing", Throws(() => _ = dictionary["four"]));
        Check("dictionary duplicate", Throws(() => dictionary.Add("one", 0)));
        dictionary.Remove("two", out int removed);
        Check("dictionary remove/order", removed + " " + Join(dictionary.Select(p => p.Key + "=" + p.Value)));
        Check("dictionary getvalueordefault", dictionary.GetValueOrDefault("nope", -1) + " " + dictionary.GetValueOrDefault("three"));
        var counts = new Dictionary<char, int>();
        foreach (char c in "mississippi")
            counts[c] = counts.TryGetValue(c, out int n) ? n + 1 : 1;
        Check("dictionary counting", Join(counts.OrderBy(p => p.Key).Select(p => $"{p.Key}{p.Value}")));
        var tupleKeys = new Dictionary<(int, string), double> { [(1, "a")] = 1.5, [(2, "b")] = 2.5 };
        Check("dictionary tuple keys", tupleKeys[(2, "b")] + " " + tupleKeys.ContainsKey((1, "b")));
        var recordKeys = new Dictionary<Coordinate, string> { [new Coordinate(1, 2)] = "here" };
        Check("dictionary record keys", recordKeys[new Coordinate(1, 2)]);

        var a = new HashSet<int> { 1, 2, 3, 4 };
        var b = new HashSet<int> { 3, 4, 5 };
        Check("hashset set operations", $"{Join(a.Intersect(b))} {a.IsSupersetOf(new[] { 1, 2 })} {a.Overlaps(b)} {a.SetEquals(new[] { 4, 3, 2, 1 })} {a.Add(1)}");
        a.ExceptWith(b);
        b.SymmetricExceptWith(new[] { 5, 6 });
        Check("hashset except/symmetric", Join(a.OrderBy(x => x)) + " " + Join(b.OrderBy(x => x)));
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Apple", "apple", "APPLE", "pear" };
        Check("hashset comparer", words.Count + " " + words.Contains("PEAR"));

        var sortedDictionary = new SortedDictionary<int, string> { [5] = "five", [1] = "one", [3] = "three" };
        sortedDictionary.Add(2, "two");
        Check("sorteddictionary", Join(sortedDictionary.Select(p => p.Key + p.Value)) + " first=" + sortedDictionary.First().Key);
        var sortedList = new SortedList<string, int> { ["b"] = 2, ["a"] = 1, ["c"] = 3 };
        Check("sortedlist", Join(sortedList.Keys) + " " + sortedList.IndexOfKey("c") + " " + sortedList.Values[0]);
        var sortedSet = new SortedSet<int>(new[] { 9, 1, 8, 2, 7, 3 });
        Check("sortedset", $"{sortedSet.Min} {sortedSet.Max} {Join(sortedSet.GetViewBetween(2, 8))} {Join(sortedSet.Reverse())}");
        var descending = new SortedSet<string>(Comparer<string>.Create((x, y) => string.CompareOrdinal(y, x))) { "b", "c", "a" };
        Check("sortedset comparer", Join(descending));

        var queue = new Queue<int>();
        for (int i = 1; i <= 5; i++)
            queue.Enqueue(i * i);
        queue.Dequeue();
        Check("queue", $"{queue.Peek()} {queue.Count} {Join(queue)} {queue.TryDequeue(out int head)} {head} {queue.Contains(25)}");
        var stack = new Stack<string>();
        foreach (string word in "to be or not".Split(' '))
            stack.Push(word);
        Check("stack", $"{stack.Pop()} {stack.Peek()} {Join(stack)} {stack.TryPop(out string? top)} {top}");
        Check("stack empty", Throws(() => new Stack<int>().Pop()));
        var linked = new LinkedList<int>(new[] { 2, 4 });
        linked.AddFirst(1);
        linked.AddLast(5);
        linked.AddAfter(linked.Find(2)!, 3);
        linked.Remove(4);
        Check("linkedlist", Join(linked) + " first=" + linked.First!.Value + " last.prev=" + linked.Last!.Previous!.Value + " count=" + linked.Count);
        var priority = new PriorityQueue<string, int>();
        priority.EnqueueRange(new[] { ("low", 5), ("high", 1), ("mid", 3), ("urgent", 0) });
        var order = new List<string>();
        while (priority.TryDequeue(out string? item, out int rank))
            order.Add(item + rank);
        Check("priorityqueue", Join(order));
        var maxFirst = new PriorityQueue<int, int>(Comparer<int>.Create((x, y) => y.CompareTo(x)));
        foreach (int n in new[] { 4, 8, 1, 9 })
            maxFirst.Enqueue(n, n);
        Check("priorityqueue comparer", maxFirst.Dequeue() + " " + maxFirst.Peek() + " " + maxFirst.Count);

        var immutable = ImmutableList.Create(1, 2, 3);
        var changed = immutable.Add(4).Remove(1).SetItem(0, 20);
        Check("immutablelist", Join(immutable) + " -> " + Join(changed));
        var immutableDictionary = ImmutableDictionary<string, int>.Empty.Add("a", 1).SetItem("b", 2).Remove("a");
        Check("immutabledictionary", immutableDictionary.Count + " " + immutableDictionary["b"] + " " + immutableDictionary.ContainsKey("a"));
        var immutableArray = ImmutableArray.CreateRange(new[] { 3, 1, 2 }).Sort();
        var builder = immutableArray.ToBuilder();
        builder.Add(0);
        Check("immutablearray", Join(immutableArray) + " " + Join(builder.ToImmutable()));
        Check("immutablesortedset", Join(ImmutableSortedSet.Create(5, 3, 5, 1).Add(4)));
        Check("immutablestack/queue", ImmutableStack.Create(1, 2, 3).Peek() + " " + ImmutableQueue.Create(1, 2, 3).Dequeue().Peek());
        var frozen = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 });
        Check("frozendictionary", frozen["y"] + " " + frozen.Count + " " + frozen.ContainsKey("z"));

        var concurrentQueue = new ConcurrentQueue<int>(new[] { 1, 2 });
        concurrentQueue.Enqueue(3);
        concurrentQueue.TryDequeue(out int first);
        Check("concurrentqueue", first + " " + Join(concurrentQueue) + " " + concurrentQueue.TryPeek(out int next) + next);
        var concurrentStack = new ConcurrentStack<int>();
        concurrentStack.PushRange(new[] { 1, 2, 3 });
        Check("concurrentstack", Join(concurrentStack) + " " + concurrentStack.TryPop(out int popped) + popped);
        var bag = new ConcurrentBag<int>(new[] { 3, 1, 2 });
        Check("concurrentbag", Join(bag.OrderBy(x => x)) + " " + bag.Count);
        var concurrentDictionary = new ConcurrentDictionary<string, int>();
        concurrentDictionary.AddOrUpdate("k", 1, (_, v) => v + 1);
        concurrentDictionary.AddOrUpdate("k", 1, (_, v) => v + 1);
        Check("concurrentdictionary", concurrentDictionary["k"] + " " + concurrentDictionary.GetOrAdd("new", key => key.Length));
        using var blocking = new BlockingCollection<int>(boundedCapacity: 10);
        blocking.Add(1);
        blocking.Add(2);
        blocking.CompleteAdding();
        Check("blockingcollection", Join(blocking.GetConsumingEnumerable()) + " " + blocking.IsCompleted);

        var readOnly = new ReadOnlyCollection<int>(new[] { 1, 2 });
        Check("readonlycollection", readOnly.Count + " " + Throws(() => ((IList<int>)readOnly).Add(3)));
        var observable = new ObservableCollection<string>();
        var changes = new List<string>();
        observable.CollectionChanged += (_, e) => changes.Add(e.Action.ToString());
        observable.Add("a");
        observable.Add("b");
        observable.Move(0, 1);
        observable.RemoveAt(0);
        Check("observablecollection", Join(changes) + " " + Join(observable));
        var bits = new BitArray(new[] { true, false, true, true });
        bits.Not();
        Check("bitarray", string.Concat(bits.Cast<bool>().Select(x => x ? '1' : '0')) + " " + new BitArray(new byte[] { 0x0F }).Cast<bool>().Count(x => x));
        var arrayList = new ArrayList { 1, "two", 3.0 };
        var hashtable = new Hashtable { ["k"] = "v" };
        Check("nongeneric", arrayList.Count + " " + arrayList[1] + " " + hashtable["k"] + " " + hashtable.ContainsKey("x"));
        Check("comparers", $"{Comparer<int>.Default.Compare(1, 2)} {EqualityComparer<string>.Default.Equals("a", "a")} {StringComparer.Ordinal.Compare("a", "b")} {StringComparer.OrdinalIgnoreCase.Equals("A", "a")}");
        Check("structural equality", $"{StructuralComparisons.StructuralEqualityComparer.Equals(new[] { 1, 2 }, new[] { 1, 2 })} {new[] { 1, 2 }.SequenceEqual(new[] { 1, 2 })} {new[] { 1, 2 }.Equals(new[] { 1, 2 })}");
    }
}

internal readonly record struct Coordinate(int X, int Y);
