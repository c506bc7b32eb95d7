using System;
using System.Linq;
using System.Threading.Tasks;

// Main's return value is the guest's exit code; kernel arguments after "--" reach args.
Console.WriteLine($"Hello from ukapp, a C# unikernel on .NET's own base class library! ({args.Length} arguments)");

var squares = Enumerable.Range(1, 10).Select(n => n * n).Where(n => n % 2 == 1);
Console.WriteLine("odd squares: " + string.Join(", ", squares));

int[] results = await Task.WhenAll(Enumerable.Range(1, 4).Select(n => Task.Run(async () =>
{
    await Task.Delay(10 * n);
    return n * 100;
})));
Console.WriteLine("tasks: " + string.Join(", ", results));
return 0;
