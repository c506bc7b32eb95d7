using System;
using Uk.Core;

Console.WriteLine("Hello from C# on a unikernel!");

BootInfo? boot = Kernel.Boot;
if (boot is not null)
{
    Console.WriteLine("boot loader: " + boot.BootLoaderName + " (" + boot.Protocol + ")");
    Console.WriteLine("memory: " + (boot.MemoryBytes / 1024).ToString() + " KiB");
    Console.WriteLine("command line: \"" + boot.CommandLine + "\"");
}

Console.WriteLine("arguments: " + args.Length.ToString());
for (int i = 0; i < args.Length; i++)
    Console.WriteLine("  args[" + i.ToString() + "] = " + args[i]);

return 0;
