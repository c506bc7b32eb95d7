using System;

// Main's return value is the guest's exit code; kernel arguments after "--" reach args.
Console.WriteLine("Hello from ukapp, a C# unikernel!");
Console.WriteLine("arguments: " + args.Length.ToString());
for (int i = 0; i < args.Length; i++)
    Console.WriteLine("  args[" + i.ToString() + "] = " + args[i]);
return 0;
