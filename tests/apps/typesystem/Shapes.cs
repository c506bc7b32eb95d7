namespace TypeSystem;

// Many implementors, kept in arrays so the compiler cannot devirtualise the calls.
public interface IShape
{
    int Sides { get; }

    string Describe();
}

public abstract class Shape : IShape
{
    public abstract int Sides { get; }

    public virtual string Describe() => GetType().Name + " with " + Sides.ToString() + " sides";
}

public sealed class Triangle : Shape { public override int Sides => 3; }
public sealed class Square : Shape { public override int Sides => 4; }
public sealed class Pentagon : Shape { public override int Sides => 5; }
public sealed class Hexagon : Shape { public override int Sides => 6; }
public sealed class Heptagon : Shape { public override int Sides => 7; }
public sealed class Octagon : Shape { public override int Sides => 8; }
public class Circle : Shape
{
    public override int Sides => 0;

    public override string Describe() => "round";
}
public sealed class Ellipse : Circle { public override string Describe() => "oval"; }

// A value type implementing the interface: dispatch on a boxed struct.
public struct Line : IShape
{
    public int Sides => 1;

    public string Describe() => "line";
}
