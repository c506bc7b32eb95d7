using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;

// About 400 MB of short-lived objects in a 32 MiB guest: without collections it runs out of
// memory. Each line is compared with host .NET's output for the same program.
long checksum = 0;
var survivors = new List<string>();
for (int round = 0; round < 2000; round++)
{
    var words = Enumerable.Range(0, 200).Select(i => "w" + (i * round % 997).ToString("D4")).ToList();
    var text = new StringBuilder();
    foreach (string word in words.OrderBy(w => w).Take(50))
        text.Append(word).Append(' ');
    var counts = words.GroupBy(w => w[^1]).ToDictionary(g => g.Key, g => g.Count());
    checksum += text.Length + counts.Count + counts.Values.Max();
    if (round % 100 == 0)
        survivors.Add(text.ToString(0, 20));
}
Console.WriteLine("checksum: " + checksum);
Console.WriteLine("survivors: " + survivors.Count + " first " + survivors[0] + "| last " + survivors[^1]);
var kept = new Dictionary<int, byte[]>();
for (int i = 0; i < 20000; i++)
{
    kept[i % 64] = new byte[4096 + i % 100];
    kept[i % 64][i % 4096] = (byte)i;
}
Console.WriteLine("kept: " + kept.Count + " bytes " + kept.Values.Sum(b => (long)b.Length));
// Objects moved between two arrays with Interlocked.Exchange and CompareExchange (as tasks
// and concurrent collections move theirs) while allocation keeps the collector marking: a
// moved object is reachable only from the array it went into, so an exchange that did not
// tell the collector would let it be freed and its memory reused.
const int Slots = 2048;
var left = new Holder?[Slots];
var right = new Holder?[Slots];
for (int i = 0; i < Slots; i++)
    left[i] = new Holder(i);
int damaged = 0;
for (int round = 0; round < 120; round++)
{
    Holder?[] from = round % 2 == 0 ? left : right;
    Holder?[] to = round % 2 == 0 ? right : left;
    for (int i = 0; i < Slots; i++)
    {
        Holder? moving = Interlocked.Exchange(ref from[i], null);
        if (i % 2 == 0)
            Interlocked.Exchange(ref to[i], moving);
        else
            Interlocked.CompareExchange(ref to[i], moving, null);
        // Garbage that drives the collector's marking steps between the moves.
        _ = new byte[200 + i % 64];
    }
    for (int i = 0; i < Slots; i++)
    {
        if (to[i] is not { } holder || !holder.IsIntact(i))
            damaged++;
    }
}
Console.WriteLine("interlocked moves: " + (120 * Slots) + " damaged " + damaged);
GC.Collect();
Console.WriteLine("collected: " + (GC.CollectionCount(0) > 0));
Console.WriteLine("done");

internal sealed class Holder
{
    private readonly int _id;
    private readonly byte[] _payload;

    public Holder(int id)
    {
        _id = id;
        _payload = new byte[48];
        for (int i = 0; i < _payload.Length; i++)
            _payload[i] = (byte)(id * 7 + i);
    }

    public bool IsIntact(int id)
    {
        if (_id != id || _payload.Length != 48)
            return false;
        for (int i = 0; i < _payload.Length; i++)
        {
            if (_payload[i] != (byte)(id * 7 + i))
                return false;
        }
        return true;
    }
}
