using System;

Console.WriteLine("Hello from C# on a unikernel!");
Console.WriteLine("tab:\tstop, backspace: ab\bc, carriage\rreturn");
Console.WriteLine("a line longer than the screen wraps: " + new string('=', 150) + "|");
Console.WriteLine("not ASCII: caf\u00E9 \u00FC\u00DF \u2500\u2502 \u263A");
for (int i = 1; i <= 50; i++)
    Console.WriteLine("scrolling line " + i.ToString());
throw new InvalidOperationException("fbcons test: the panic shows on the screen");
