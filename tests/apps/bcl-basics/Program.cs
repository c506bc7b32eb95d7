using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

// Each line is compared with host .NET's output for the same program.
Check("linq where/select", string.Join(",", Enumerable.Range(1, 10).Where(n => n % 3 == 0).Select(n => n * n)));
Check("linq aggregate", Enumerable.Range(1, 20).Aggregate(0L, (sum, n) => sum + n * n).ToString());
Check("linq orderby", string.Join(" ", new[] { "pear", "apple", "fig", "banana" }.OrderBy(s => s.Length).ThenBy(s => s)));
Check("linq groupby", string.Join("; ", Enumerable.Range(1, 12).GroupBy(n => n % 4).Select(g => g.Key + ":" + g.Sum())));
Check("linq zip/distinct", string.Join(",", new[] { 1, 2, 2, 3, 3, 3 }.Distinct().Zip(new[] { "a", "b", "c" }, (n, s) => s + n)));
Check("linq any/all/count", $"{Enumerable.Range(0, 100).Any(n => n > 98)} {Enumerable.Range(0, 100).All(n => n >= 0)} {Enumerable.Range(0, 100).Count(n => n % 7 == 0)}");
Check("linq min/max/average", $"{new[] { 4, -2, 9 }.Min()} {new[] { 4, -2, 9 }.Max()} {new[] { 1.5, 2.5, 4.0 }.Average()}");
Check("linq todictionary", string.Join(",", new[] { "one", "three", "five" }.ToDictionary(s => s, s => s.Length).OrderBy(p => p.Value).Select(p => p.Key + "=" + p.Value)));
Check("linq skip/take/reverse", string.Join(",", Enumerable.Range(1, 10).Skip(2).Take(5).Reverse()));
Check("linq selectmany", string.Join("", new[] { "ab", "cd" }.SelectMany(s => s.ToCharArray())));

var builder = new StringBuilder();
for (int i = 0; i < 5; i++)
    builder.Append(i).Append(':').AppendLine((i * 1.5).ToString(CultureInfo.InvariantCulture));
builder.Insert(0, "[").Replace("\n", "|").Append(']');
Check("stringbuilder", builder.ToString());
Check("string.format", string.Format("{0,-6}|{1,6}|{2:X8}|{3:N2}|{4:P1}", "left", "right", 48879, 1234567.891, 0.256));
Check("interpolation formats", $"{3.14159:F3} {42:D5} {255:x} {1e21} {1.5e-7} {double.MaxValue} {float.Epsilon}");
Check("string ops", string.Join("|", "  Hello, World  ".Trim().ToUpperInvariant(), "a,b,,c".Split(',').Length.ToString(), "abc".PadLeft(6, '*'), "Mississippi".Replace("ss", "SS"), "hello".IndexOf('l').ToString()));
Check("string compare", $"{string.Compare("apple", "Apple", StringComparison.OrdinalIgnoreCase)} {"abc".CompareTo("abd")} {"x".Equals("X", StringComparison.OrdinalIgnoreCase)}");

var dictionary = new Dictionary<string, List<int>>();
foreach (int n in Enumerable.Range(1, 30))
{
    string key = n % 2 == 0 ? "even" : "odd";
    if (!dictionary.TryGetValue(key, out List<int>? list))
        dictionary[key] = list = new List<int>();
    list.Add(n);
}
Check("dictionary of lists", string.Join(" ", dictionary.Select(p => p.Key + "=" + p.Value.Count + "/" + p.Value.Sum())));
var set = new HashSet<int>(new[] { 5, 3, 5, 1, 3 });
set.UnionWith(new[] { 7, 1 });
Check("hashset", string.Join(",", set.OrderBy(n => n)) + " contains3=" + set.Contains(3));
var sorted = new SortedDictionary<string, int> { ["delta"] = 4, ["alpha"] = 1, ["charlie"] = 3 };
Check("sorteddictionary", string.Join(",", sorted.Keys));
var queue = new Queue<string>(new[] { "a", "b" });
queue.Enqueue("c");
var stack = new Stack<int>(new[] { 1, 2, 3 });
Check("queue/stack", queue.Dequeue() + queue.Count + " " + stack.Pop() + stack.Peek());
var numbers = new List<int> { 5, 2, 8, 1, 9 };
numbers.Sort();
numbers.Reverse();
Check("list sort", string.Join(",", numbers) + " binarysearch=" + new List<int> { 1, 3, 5, 7 }.BinarySearch(5));

var point = new Point(3, 4);
Check("record", point.ToString() + " " + (point == new Point(3, 4)) + " " + (point with { Y = 0 }));
Check("record struct", new Size(2, 5).ToString());
Check("tuple", (1, "two", 3.0).ToString() + " " + ((1, 2) == (1, 2)));
Check("enum", $"{DayOfWeek.Friday} {(DayOfWeek)3} {FileAccessLike.Read | FileAccessLike.Write} {Enum.GetName(typeof(DayOfWeek), 0)}");
Check("generic", Largest(new[] { 3, 9, 2 }) + " " + Largest(new[] { "b", "a", "c" }));
Check("math", $"{Math.Sqrt(2):R} {Math.Round(2.5)} {Math.Round(3.5)} {Math.Floor(-1.5)} {Math.Abs(-7)} {Math.Clamp(15, 0, 10)}");
Check("parse", $"{int.Parse("-123")} {double.Parse("6.02e23", CultureInfo.InvariantCulture)} {long.TryParse("99999999999999999999", out long big)} {decimal.Parse("1.10") * 3}");
Check("decimal", $"{0.1m + 0.2m} {1m / 3m} {decimal.Round(2.345m, 2)}");
Check("random(seed)", string.Join(",", Enumerable.Range(0, 5).Select(_ => s_random.Next(1000))));
Check("guid parse", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e").ToString("N"));
Check("char", $"{char.IsLetter('x')} {char.IsDigit('7')} {char.ToUpperInvariant('q')} {(int)'€'}");
Check("bitconverter", BitConverter.ToString(BitConverter.GetBytes(0x12345678)));
Check("convert", Convert.ToBase64String(Encoding.UTF8.GetBytes("unikernel ✓")) + " " + Convert.ToString(255, 2));
Check("encoding", Encoding.UTF8.GetString(Encoding.UTF8.GetBytes("héllo wörld")) + " " + Encoding.UTF8.GetByteCount("€"));
Check("span", string.Join(",", "1,2,3,4".AsSpan().ToString().Split(',').Select(int.Parse).Where(n => n > 1)));
Check("lambda closure", string.Join(",", MakeCounters().Select(f => f())));
Check("iterator", string.Join(",", Fibonacci().Take(12)));
Check("local function", Factorial(20).ToString());
Console.WriteLine("done");

static void Check(string name, string value) => Console.WriteLine(name + ": " + value);

static T Largest<T>(IEnumerable<T> items) where T : IComparable<T> => items.Aggregate((a, b) => a.CompareTo(b) >= 0 ? a : b);

static IEnumerable<Func<int>> MakeCounters()
{
    for (int i = 0; i < 3; i++)
    {
        int captured = i * 10;
        yield return () => captured + 1;
    }
}

static IEnumerable<long> Fibonacci()
{
    long a = 0, b = 1;
    while (true)
    {
        yield return a;
        (a, b) = (b, a + b);
    }
}

static long Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

internal record Point(int X, int Y);

internal readonly record struct Size(int Width, int Height);

[Flags]
internal enum FileAccessLike
{
    Read = 1,
    Write = 2,
}

internal static partial class Program
{
    private static readonly Random s_random = new(42);
}
