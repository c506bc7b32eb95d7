using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using static Corpus.Report;

namespace Corpus;

// The language: records, pattern matching, generics, interface members, events, iterators,
// using, nullable values and tuples.
internal static class Language
{
    public static void Run()
    {
        var employee = new Employee("Ada", "Lovelace", 36) { Skills = ["math", "engines"] };
        var older = employee with { Age = 37 };
        Check("record tostring", employee.ToString().Replace("System.String[]", "array"));
        Check("record with/equality", $"{older.Age} {employee == older} {employee == older with { Age = 36 }} {ReferenceEquals(employee, employee with { })}");
        Check("record hashcode equal", (new Money(5, "EUR").GetHashCode() == new Money(5, "EUR").GetHashCode()) + " " + new Money(5, "EUR").Equals(new Money(5, "USD")));
        Check("record inheritance", $"{new Dog("Rex", "lab")} {new Dog("Rex", "lab") == new Dog("Rex", "lab")} {(Animal)new Dog("Rex", "lab") == new Animal("Rex")}");
        var (first, last, age) = employee;
        Check("record deconstruct", $"{first} {last} {age}");
        Check("record struct", $"{new Money(1.5m, "GBP")} {new Money(1.5m, "GBP") with { Currency = "CHF" }} {default(Money)}");
        var mutable = new MutablePoint { X = 1, Y = 2 };
        mutable.X = 5;
        Check("record struct mutable", mutable + " " + mutable.Length());
        Check("record printmembers", new Temperature(21.5));

        object[] shapes = [new Circle(1), new Rectangle(2, 3), new Rectangle(4, 4), new Triangle(3, 4, 5), 42, "text", null!, 3.5, new[] { 1, 2, 3 }];
        Check("pattern switch", Join(shapes.Select(Describe)));
        Check("pattern relational", Join(new[] { -5, 0, 7, 15, 100 }.Select(Classify)));
        Check("pattern list", Join(new[] { new int[0], [1], [1, 2], [1, 2, 3, 4], [9, 9] }.Select(ListShape)));
        Check("pattern property nested", Join(new[] { new Employee("A", "B", 70), new Employee("C", "D", 20) { Skills = ["x"] } }.Select(e => e switch
        {
            { Age: >= 65 } => "retired",
            { Skills: [var only] } => "knows " + only,
            _ => "other",
        })));
        Check("pattern tuple", Join(new[] { (true, false), (false, false), (true, true) }.Select(p => p switch { (true, true) => "both", (true, _) or (_, true) => "one", _ => "none" })));
        Check("pattern is not/and", $"{IsLetter('q')} {IsLetter('5')} {(shapes[6] is not null)} {(shapes[4] is int n && n > 40)}");
        Check("pattern var/type", Join(shapes.Take(3).Select(s => s is Rectangle { Width: var w, Height: var h } ? $"{w}x{h}" : s.GetType().Name)));

        Check("generic constraints", $"{Max(3, 9)} {Max("pear", "apple")} {Create<List<int>>().Count} {DefaultOf<int>()} {DefaultOf<string>() ?? "null"}");
        Check("generic static abstract", $"{SumAll(new[] { 1, 2, 3 })} {SumAll(new[] { 1.5, 2.25 })} {SumAll(new[] { 1.5m, 2m })} {Vector2D.Zero + new Vector2D(1, 2) + new Vector2D(3, 4)}");
        Check("generic math", $"{Midpoint(10, 20)} {Midpoint(1.0, 2.0)} {int.CreateChecked(3.0)} {Throws(() => byte.CreateChecked(300))} {byte.CreateSaturating(300)} {byte.CreateTruncating(300)}");
        Check("generic variance", $"{Count<object>(new List<string> { "a", "b" })} {Apply<string>(o => o.ToString()!.Length.ToString(), "four")}");
        Check("generic type names", $"{typeof(Dictionary<int, string>).Name} {typeof(List<>).Name} {new Box<int>(5)} {Box.Of("s").GetType().Name}");
        IGreeter plain = new PlainGreeter();
        IGreeter loud = new LoudGreeter();
        Check("default interface method", plain.Greet("ann") + " | " + loud.Greet("bob") + " | " + IGreeter.Salutation);
        Check("explicit interface", ((IFirst)new Both()).Name() + " " + ((ISecond)new Both()).Name() + " " + new Both().Name());

        var button = new Button();
        var clicks = new List<string>();
        EventHandler<int> logger = (_, n) => clicks.Add("log" + n);
        button.Clicked += logger;
        button.Clicked += (_, n) => clicks.Add("twice" + (n * 2));
        button.Click(1);
        button.Clicked -= logger;
        button.Click(2);
        Check("events", Join(clicks) + " subscribers=" + button.Subscribers);
        Func<int, int> chain = x => x + 1;
        chain += x => x * 10;
        Action<List<string>> addB = l => l.Add("b");
        Action<List<string>>? actions = l => l.Add("a");
        actions += addB;
        actions += l => l.Add("c");
        actions += addB;
        actions -= addB;
        var actionLog = new List<string>();
        actions?.Invoke(actionLog);
        Check("multicast delegates", $"{chain(5)} {chain.GetInvocationList().Length} {Join(actionLog)} {Join(chain.GetInvocationList().Select(d => ((Func<int, int>)d)(1)))}");
        Action keep = () => { };
        Action? removedAll = keep;
        removedAll -= keep;
        Check("delegate removal to null", removedAll is null);
        Func<int, int, int> add = Add;
        Predicate<string> empty = string.IsNullOrEmpty;
        Comparison<int> reverse = (x, y) => y.CompareTo(x);
        Converter<int, string> hex = n => n.ToString("X");
        var sorted = new List<int> { 1, 3, 2 };
        sorted.Sort(reverse);
        Check("delegate kinds", $"{add(2, 3)} {empty("")} {Join(sorted)} {Join(sorted.ConvertAll(hex))} {add.Method.Name.Length > 0}");
        int captured = 0;
        Action increment = () => captured++;
        increment();
        increment();
        Check("closure capture", captured + " " + Join(Enumerable.Range(0, 3).Select(i => (Func<int>)(() => i * i)).Select(f => f())));
        Check("local and static lambdas", Fib(30) + " " + ((Func<int, int>)(static x => x * x))(12));

        Check("iterator yield", Join(Countdown(5)) + " " + Join(EvensBelow(11)) + " " + Join(new Bag(3)));
        var tracked = new List<string>();
        foreach (int item in Tracked(tracked))
        {
            if (item == 2)
                break;
        }
        Check("iterator finally on break", Join(tracked));
        Check("iterator lazy", Join(Tracked(new List<string>()).Skip(1).Take(1)));
        Check("iterator tree walk", Join(Tree.Sample().InOrder()));

        var disposals = new List<string>();
        using (var outer = new Resource("outer", disposals))
        using (var inner = new Resource("inner", disposals))
            disposals.Add("body");
        Check("using order", Join(disposals));
        disposals.Clear();
        Check("using on exception", Throws(() => { using var r = new Resource("r", disposals); throw new InvalidOperationException("boom"); }) + " " + Join(disposals));
        disposals.Clear();
        UseDeclaration(disposals);
        Check("using declaration", Join(disposals));
        var stackOnly = new StackResource();
        using (stackOnly) { }
        Check("using pattern struct", StackResource.Disposed);

        int? maybe = null;
        int? some = 5;
        Check("nullable", $"{maybe.HasValue} {maybe ?? -1} {some.Value} {some.GetValueOrDefault()} {maybe.GetValueOrDefault(7)} {(maybe + 1).HasValue} {some * 2} {maybe == null} {some > maybe}");
        Check("nullable lifted", $"{maybe < 5} {(bool?)null & false} {(bool?)null | true} {Nullable.Compare(maybe, some)} {Nullable.GetUnderlyingType(typeof(int?))?.Name}");
        string? text = Maybe(false);
        Check("null operators", $"{text?.Length.ToString() ?? "null"} {Maybe(true)?.ToUpperInvariant()} {text ??= "assigned"} {Throws(() => _ = Maybe(false)!.Length)}");
        object boxed = some;
        Check("nullable boxing", $"{boxed.GetType().Name} {(object?)maybe is null} {boxed is int}");

        (int min, int max) range = MinMax(new[] { 5, -3, 12, 7 });
        Check("tuple return", $"{range.min} {range.max} {range}");
        var (q, r) = Math.DivRem(17, 5);
        (int x, int y) = (1, 2);
        (x, y) = (y, x);
        Check("tuple deconstruct/swap", $"{q} {r} {x} {y}");
        var named = (Name: "n", Count: 3);
        Check("tuple names/equality", $"{named.Name}{named.Count} {named == ("n", 3)} {(1, (2, 3)).Item2.Item1} {(a: 1, b: 2).CompareTo((1, 3))} {ValueTuple.Create(1, 2, 3, 4, 5, 6, 7, 8)}");
        var (key, value) = new KeyValuePair<string, int>("k", 9);
        Check("deconstruct kvp/custom", key + value + " " + Deconstructed());
        Check("tuple as key", new Dictionary<(string, int), string> { [("a", 1)] = "x" }[("a", 1)] + " " + Tuple.Create(1, "a"));
        Check("index range", $"{new[] { 1, 2, 3, 4, 5 }[^2]} {Join(new[] { 1, 2, 3, 4, 5 }[1..^1])} {"hello"[1..3]} {new Range(1, 3)} {^1}");
        Check("checked/unchecked", $"{Throws(() => CheckedAdd(int.MaxValue, 1))} {unchecked(int.MaxValue + 1)} {unchecked((byte)300)} {Throws(() => _ = checked((byte)(int)BoxedInt(300)))}");
        Check("switch expression enum", Join(Enum.GetValues<DayOfWeek>().Select(d => d switch { DayOfWeek.Saturday or DayOfWeek.Sunday => 'W', _ => 'd' })));
        Check("enum operations", $"{Enum.Parse<DayOfWeek>("Tuesday")} {Enum.TryParse<DayOfWeek>("nope", out _)} {(int)Enum.Parse<DayOfWeek>("friday", true)} {Enum.IsDefined((DayOfWeek)9)} {Join(Enum.GetNames<Permissions>())}");
        var permissions = Permissions.Read | Permissions.Execute;
        Check("flags enum", $"{permissions} {permissions.HasFlag(Permissions.Read)} {permissions & ~Permissions.Read} {(Permissions)7} {Enum.Parse<Permissions>("Read, Write")}");
        Check("operator overloads", $"{new Fraction(1, 2) + new Fraction(1, 3)} {new Fraction(3, 4) * 2} {new Fraction(1, 2) == new Fraction(2, 4)} {(double)new Fraction(1, 8)} {-new Fraction(1, 5)}");
        Check("indexer/properties", $"{new Matrix()[1, 2]} {new Matrix().Trace} {Counter.Next()} {Counter.Next()} {Counter.Total}");
        Check("init/required", new Settings { Name = "cfg" } + " " + new Settings { Name = "x", Retries = 5 });
        Check("primary constructor", new Account("acc", 100).Deposit(50) + " " + new Account("b", 0));
        Check("static constructor order", StaticOrder.Log);
        Check("object equality", $"{Equals(1, 1)} {Equals(new object(), new object())} {ReferenceEquals("a", "a")} {new Money(1, "X").Equals((object)new Money(1, "X"))}");
        Check("boxing", $"{(object)1 == (object)1} {((object)1).Equals(1)} {((IComparable)5).CompareTo(3)} {((IFormattable)1.5).ToString("F2", null)}");
        Check("type tests", $"{typeof(string).IsValueType} {typeof(int).IsValueType} {new List<int>() is IEnumerable<int>} {AsObject("s") is IComparable<string>} {typeof(Dog).BaseType?.Name} {new Dog("a", "b").GetType() == typeof(Dog)}");
        Check("array covariance", Throws(() => { object[] array = new string[1]; array[0] = 1; }));
        Check("ref locals", RefLocals());
        Check("stackalloc/span", Stackalloc());
        Check("string switch", Join(new[] { "one", "two", "three", "four" }.Select(s => s switch { "one" => 1, "two" => 2, "three" => 3, _ => 0 })));
        Check("goto/labels", GotoLoop());
        Check("exceptions filter", Filtered(3) + " " + Filtered(5));
        Check("nameof/default", $"{nameof(Employee.Age)} {nameof(Run)} {default(int)} {default(DateTime).Year}");
    }

    private static string Describe(object? shape) => shape switch
    {
        Circle { Radius: > 0 } c => $"circle:{c.Area():F2}",
        Rectangle { Width: var w, Height: var h } when w == h => $"square:{w}",
        Rectangle r => $"rect:{r.Width * r.Height}",
        Triangle(var a, var b, var c) when a * a + b * b == c * c => "right-triangle",
        int n => $"int:{n}",
        string { Length: > 3 } s => $"string:{s}",
        double d => $"double:{d}",
        int[] { Length: 3 } arr => $"array:{arr.Sum()}",
        null => "null",
        _ => "other",
    };

    private static string Classify(int n) => n switch
    {
        < 0 => "negative",
        0 => "zero",
        > 0 and < 10 => "small",
        >= 10 and <= 50 => "medium",
        _ => "large",
    };

    private static string ListShape(int[] items) => items switch
    {
        [] => "empty",
        [var only] => $"one({only})",
        [var a, var b] when a < b => "ascending pair",
        [1, .. var middle, 4] => $"1..{middle.Length}..4",
        [_, ..] => "other",
    };

    private static bool IsLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static T Max<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

    private static T Create<T>() where T : new() => new();

    private static T? DefaultOf<T>() => default;

    private static T SumAll<T>(IEnumerable<T> items) where T : IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
    {
        T total = T.AdditiveIdentity;
        foreach (T item in items)
            total += item;
        return total;
    }

    private static T Midpoint<T>(T a, T b) where T : INumber<T> => (a + b) / (T.One + T.One);

    private static int Count<T>(IEnumerable<T> items) => items.Count();

    private static string Apply<T>(Func<object, string> func, T value) => func(value!);

    private static int Add(int a, int b) => a + b;

    private static int Fib(int n)
    {
        return Go(n, 0, 1);

        static int Go(int n, int a, int b) => n == 0 ? a : Go(n - 1, b, a + b);
    }

    private static IEnumerable<int> Countdown(int from)
    {
        while (from > 0)
            yield return from--;
    }

    private static IEnumerable<int> EvensBelow(int limit)
    {
        for (int i = 0; ; i += 2)
        {
            if (i >= limit)
                yield break;
            yield return i;
        }
    }

    private static IEnumerable<int> Tracked(List<string> log)
    {
        try
        {
            for (int i = 1; i <= 3; i++)
            {
                log.Add("yield" + i);
                yield return i;
            }
        }
        finally
        {
            log.Add("finally");
        }
    }

    private static void UseDeclaration(List<string> log)
    {
        using var a = new Resource("a", log);
        using var b = new Resource("b", log);
        log.Add("work");
    }

    private static string? Maybe(bool give) => give ? "given" : null;

    private static (int Min, int Max) MinMax(int[] items) => (items.Min(), items.Max());

    private static string Deconstructed()
    {
        var (x, y) = new Coordinate(3, 4);
        var (_, last, _) = new Employee("F", "L", 1);
        return $"{x}{y}{last}";
    }

    private static object AsObject(object value) => value;

    private static int CheckedAdd(int a, int b) => checked(a + b);

    private static object BoxedInt(int n) => n;

    private static string RefLocals()
    {
        int[] values = { 1, 2, 3 };
        ref int middle = ref values[1];
        middle = 20;
        ref int largest = ref LargestRef(values);
        largest *= 2;
        return Join(values);
    }

    private static ref int LargestRef(int[] values)
    {
        int index = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[index])
                index = i;
        }
        return ref values[index];
    }

    private static string Stackalloc()
    {
        Span<int> squares = stackalloc int[8];
        for (int i = 0; i < squares.Length; i++)
            squares[i] = i * i;
        int sum = 0;
        foreach (int s in squares)
            sum += s;
        return sum + " " + squares[^1];
    }

    private static string GotoLoop()
    {
        int i = 0;
        var text = new System.Text.StringBuilder();
    again:
        text.Append(i);
        if (++i < 4)
            goto again;
        return text.ToString();
    }

    private static string Filtered(int code)
    {
        try
        {
            throw new ArgumentException("code", code.ToString());
        }
        catch (ArgumentException e) when (e.ParamName == "3")
        {
            return "filtered";
        }
        catch (ArgumentException)
        {
            return "general";
        }
    }
}

internal record Person(string FirstName, string LastName, int Age);

internal sealed record Employee(string FirstName, string LastName, int Age) : Person(FirstName, LastName, Age)
{
    public string[] Skills { get; init; } = [];
}

internal readonly record struct Money(decimal Amount, string Currency);

internal record struct MutablePoint(int X, int Y)
{
    public readonly double Length() => Math.Sqrt(X * X + Y * Y);
}

internal record Temperature(double Celsius)
{
    public double Fahrenheit => Celsius * 9 / 5 + 32;

    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"C = {Celsius}, F = {Fahrenheit}");
        return true;
    }
}

internal record Animal(string Name);

internal sealed record Dog(string Name, string Breed) : Animal(Name);

internal abstract record Shape
{
    public abstract double Area();
}

internal sealed record Circle(double Radius) : Shape
{
    public override double Area() => Math.PI * Radius * Radius;
}

internal sealed record Rectangle(int Width, int Height) : Shape
{
    public override double Area() => Width * Height;
}

internal sealed record Triangle(int A, int B, int C) : Shape
{
    public override double Area() => 0;
}

internal readonly record struct Vector2D(int X, int Y) : IAdditionOperators<Vector2D, Vector2D, Vector2D>, IAdditiveIdentity<Vector2D, Vector2D>
{
    public static Vector2D Zero => new(0, 0);

    public static Vector2D AdditiveIdentity => Zero;

    public static Vector2D operator +(Vector2D left, Vector2D right) => new(left.X + right.X, left.Y + right.Y);
}

internal sealed class Box<T>(T value)
{
    public override string ToString() => $"Box<{typeof(T).Name}>({value})";
}

internal static class Box
{
    public static Box<T> Of<T>(T value) => new(value);
}

internal interface IGreeter
{
    static string Salutation => "Hello";

    string Punctuation => ".";

    string Greet(string name) => $"{Salutation}, {Format(name)}{Punctuation}";

    string Format(string name);
}

internal sealed class PlainGreeter : IGreeter
{
    public string Format(string name) => name;
}

internal sealed class LoudGreeter : IGreeter
{
    public string Punctuation => "!!!";

    public string Format(string name) => name.ToUpperInvariant();
}

internal interface IFirst
{
    string Name();
}

internal interface ISecond
{
    string Name();
}

internal sealed class Both : IFirst, ISecond
{
    string IFirst.Name() => "first";

    string ISecond.Name() => "second";

    public string Name() => "own";
}

internal sealed class Button
{
    public event EventHandler<int>? Clicked;

    public int Subscribers => Clicked?.GetInvocationList().Length ?? 0;

    public void Click(int n) => Clicked?.Invoke(this, n);
}

internal sealed class Bag(int size) : IEnumerable<string>
{
    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < size; i++)
            yield return "item" + i;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal sealed class Tree(int value, Tree? left = null, Tree? right = null)
{
    public static Tree Sample() => new(5, new Tree(3, new Tree(1), new Tree(4)), new Tree(8, null, new Tree(9)));

    public IEnumerable<int> InOrder()
    {
        if (left is not null)
        {
            foreach (int v in left.InOrder())
                yield return v;
        }
        yield return value;
        if (right is not null)
        {
            foreach (int v in right.InOrder())
                yield return v;
        }
    }
}

internal sealed class Resource(string name, List<string> log) : IDisposable
{
    public void Dispose() => log.Add("dispose " + name);
}

internal ref struct StackResource
{
    public static bool Disposed;

    public void Dispose() => Disposed = true;
}

[Flags]
internal enum Permissions
{
    None = 0,
    Read = 1,
    Write = 2,
    Execute = 4,
}

internal readonly struct Fraction(int numerator, int denominator) : IEquatable<Fraction>
{
    public int Numerator { get; } = numerator / Gcd(numerator, denominator);

    public int Denominator { get; } = denominator / Gcd(numerator, denominator);

    public static Fraction operator +(Fraction a, Fraction b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, int factor) => new(a.Numerator * factor, a.Denominator);

    public static Fraction operator -(Fraction a) => new(-a.Numerator, a.Denominator);

    public static bool operator ==(Fraction a, Fraction b) => a.Equals(b);

    public static bool operator !=(Fraction a, Fraction b) => !a.Equals(b);

    public static explicit operator double(Fraction f) => (double)f.Numerator / f.Denominator;

    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() => $"{Numerator}/{Denominator}";

    private static int Gcd(int a, int b) => b == 0 ? Math.Abs(a) : Gcd(b, a % b);
}

internal sealed class Matrix
{
    private readonly int[,] _cells = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };

    public int this[int row, int column] => _cells[row, column];

    public int Trace => _cells[0, 0] + _cells[1, 1] + _cells[2, 2];
}

internal static class Counter
{
    private static int s_count;

    public static int Next() => ++s_count;

    public static int Total => s_count;
}

internal sealed record Settings
{
    public required string Name { get; init; }

    public int Retries { get; init; } = 3;
}

internal sealed class Account(string name, decimal balance)
{
    public Account Deposit(decimal amount)
    {
        balance += amount;
        return this;
    }

    public override string ToString() => $"{name}:{balance}";
}

internal static class StaticOrder
{
    public static readonly string Log;

    static StaticOrder() => Log = "ctor ran with " + Helper.Value;

    private static class Helper
    {
        public static readonly int Value = 42;
    }
}
