using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

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
GC.Collect();
Console.WriteLine("collected: " + (GC.CollectionCount(0) > 0));
Console.WriteLine("done");
