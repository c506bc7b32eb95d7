using System;

// Main's return value is the guest's exit code; kernel arguments after "--" reach args.
int argumentCount = args.Length;
Console.WriteLine("Hello from ukapp, a C# unikernel!");
Console.WriteLine("arguments: " + argumentCount.ToString());
for (int i = 0; i < argumentCount; i++)
    Console.WriteLine("  args[" + i.ToString() + "] = " + args[i]);
return 0;
