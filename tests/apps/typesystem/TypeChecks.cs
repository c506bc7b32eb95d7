using System;

namespace TypeSystem;

public static class TypeChecks
{
    public static void Casts()
    {
        object square = Checks.Opaque(new Square());
        object text = Checks.Opaque("hello");
        Checks.True("is class", square is Square);
        Checks.True("is base class", square is Shape);
        Checks.True("is interface", square is IShape);
        Checks.True("is not sibling", square is not Triangle);
        Checks.True("string is not interface", text is not IShape);
        Checks.True("as sibling is null", (square as Circle) is null);
        Checks.True("as base", (square as Shape) is not null);
        Checks.True("ellipse is circle", Checks.Opaque(new Ellipse()) is Circle);
        Checks.True("null is nothing", Checks.Opaque(null!) is not object);
        Checks.True("string[] is object[]", Checks.Opaque(new string[1]) is object[]);
        Checks.True("int[] is not object[]", Checks.Opaque(new int[1]) is not object[]);
        Checks.True("Square[] is IShape[]", Checks.Opaque(new Square[1]) is IShape[]);
        Checks.True("array is Array", Checks.Opaque(new int[1]) is Array);
        Shape cast = (Shape)square;
        Checks.Equal("cast keeps identity", 1, ReferenceEquals(cast, square) ? 1 : 0);
    }

    public static void InterfaceDispatch()
    {
        IShape[] shapes =
        {
            new Triangle(), new Square(), new Pentagon(), new Hexagon(),
            new Heptagon(), new Octagon(), new Circle(), new Ellipse(), new Line(),
        };
        int sides = 0;
        string descriptions = "";
        foreach (IShape shape in shapes)
        {
            sides += shape.Sides;
            descriptions += shape.Describe() + ";";
        }
        Checks.Equal("interface dispatch over 9 implementors", 3 + 4 + 5 + 6 + 7 + 8 + 0 + 0 + 1, sides);
        Checks.Equal("virtual override through interface", "round;oval;line;", descriptions.Substring(descriptions.IndexOf("round")));
        Checks.Equal("type name of implementor", "Square with 4 sides", shapes[1].Describe());
    }

    public static void Generics()
    {
        var numbers = new Box<int>();
        var names = new Box<string>();
        var shapes = new Box<IShape>();
        for (int i = 0; i < 5; i++)
        {
            numbers.Add(i * i);
            names.Add("n" + i.ToString());
            shapes.Add(i % 2 == 0 ? new Square() : new Triangle());
        }
        Checks.Equal("generic over int", 16, numbers[4]);
        Checks.Equal("generic over string", "n3", names[3]);
        Checks.Equal("generic over interface", 3, shapes[1].Sides);
        Checks.Equal("generic method over int", 7, Generic.Max(3, 7));
        Checks.Equal("generic method over string", "pear", Generic.Max("apple", "pear"));
        Checks.True("generic default int", Generic.IsDefault(0));
        Checks.True("generic default string", Generic.IsDefault<string?>(null));
    }

    public static void Boxing()
    {
        object boxed = Checks.Opaque(42);
        Checks.True("boxed int is int", boxed is int);
        Checks.Equal("unbox int", 42, (int)boxed);
        Checks.True("boxed int is not long", boxed is not long);
        object line = Checks.Opaque(new Line());
        Checks.True("boxed struct is interface", line is IShape);
        Checks.Equal("dispatch on boxed struct", "line", ((IShape)line).Describe());
        Checks.True("boxed int equals", boxed.Equals(42));
        Checks.Equal("boxed ToString", "42", boxed.ToString());
        int? maybe = 5;
        object boxedNullable = Checks.Opaque(maybe);
        Checks.True("nullable boxes to int", boxedNullable is int);
        int? none = null;
        Checks.True("empty nullable boxes to null", Checks.Opaque(none!) is null);
    }

    public static void Strings()
    {
        Checks.Equal("int format", "-12345", (-12345).ToString());
        Checks.Equal("long min", "-9223372036854775808", long.MinValue.ToString());
        Checks.Equal("ulong max", "18446744073709551615", ulong.MaxValue.ToString());
        Checks.Equal("hex", "FF", 255.ToString("X"));
        Checks.Equal("hex padded", "00ff", 255.ToString("x4"));
        Checks.Equal("hex of negative", "FFFFFFFF", (-1).ToString("X"));
        Checks.Equal("decimal padded", "007", 7.ToString("D3"));
        int answer = 42;
        Checks.Equal("interpolation", "answer=42 hex=0x2A", $"answer={answer} hex=0x{answer:X}");
        Checks.Equal("concat", "abc", string.Concat("a", "b", "c"));
        string joined = string.Join(",", new[] { "x", "y", "z" });
        Checks.Equal("join", "x,y,z", joined);
        Checks.Equal("split", 3, joined.Split(',').Length);
        Checks.True("equality", "abc" == string.Concat("ab", "c"));
        Checks.Equal("substring", "ell", "hello".Substring(1, 3));
        Checks.Equal("length", 5, "hello".Length);
        Checks.Equal("indexer", 'l', "hello"[2]);
        Checks.Equal("trim", "x", "  x \t".Trim());
        Checks.Equal("bool", "True", true.ToString());
    }

    public static void Spans()
    {
        Span<int> numbers = stackalloc int[4];
        for (int i = 0; i < numbers.Length; i++)
            numbers[i] = i + 1;
        int sum = 0;
        foreach (int n in numbers.Slice(1))
            sum += n;
        Checks.Equal("span slice sum", 9, sum);
        ReadOnlySpan<char> text = "unikernel".AsSpan(3, 6);
        Checks.Equal("span of string", "kernel", text.ToString());
        int[] array = { 5, 6, 7 };
        Span<int> view = array;
        view[0] = 50;
        Checks.Equal("span writes through to array", 50, array[0]);
    }

    public static void Delegates()
    {
        int offset = (int)Checks.Opaque(10);
        Func<int, int> addOffset = x => x + offset;
        Func<int, int, int> multiply = Multiply;
        Checks.Equal("closure delegate", 15, addOffset(5));
        Checks.Equal("static method delegate", 12, multiply(3, 4));
        Func<IShape, int> sides = s => s.Sides;
        Checks.Equal("lambda over interface", 8, sides(new Octagon()));
    }

    private static int Multiply(int a, int b) => a * b;
}
