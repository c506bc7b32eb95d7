using System;
using System.Collections.Generic;

// Main's return value is the guest's exit code; kernel arguments after "--" reach args.
int argumentCount = args.Length;
Console.WriteLine("Hello from ukapp, a C# unikernel!");
Console.WriteLine("arguments: " + argumentCount.ToString());
for (int i = 0; i < argumentCount; i++)
    Console.WriteLine("  args[" + i.ToString() + "] = " + args[i]);

// Allocate as ordinary C# does: the collector (ukgc-marksweep) takes back what is dropped.
var words = new Dictionary<string, int>();
for (int round = 0; round < 20_000; round++)
{
    string word = "word" + (round % 100).ToString();
    words[word] = words.TryGetValue(word, out int count) ? count + 1 : 1;
}
Console.WriteLine("distinct words: " + words.Count.ToString() + ", each seen " + words["word7"].ToString() + " times");
return 0;
