using Corpus;

// Ordinary C#, one area per file; each line is compared with host .NET's output for the same
// program, so every value printed is deterministic (no clocks, addresses or hash codes).
Strings.Run();
Formatting.Run();
Collections.Run();
Queries.Run();
Language.Run();
Numbers.Run();
Time.Run();
BinaryData.Run();
Patterns.Run();
Json.Run();
Hashing.Run();
await Concurrency.RunAsync();
System.Console.WriteLine("done");
