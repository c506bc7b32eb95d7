using System.Collections.Generic;

namespace System;

// Tuples as C# uses them for (a, b) syntax and deconstruction; equal when their items are
// equal by EqualityComparer<T>.Default, as in .NET, so they work as dictionary keys.
public struct ValueTuple<T1, T2> : IEquatable<ValueTuple<T1, T2>>
{
    public T1 Item1;
    public T2 Item2;

    public ValueTuple(T1 item1, T2 item2)
    {
        Item1 = item1;
        Item2 = item2;
    }

    public override bool Equals(object? obj) => obj is ValueTuple<T1, T2> other && Equals(other);

    public bool Equals(ValueTuple<T1, T2> other) =>
        EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2);

    public override int GetHashCode() => TupleHash.Combine(TupleHash.Of(Item1), TupleHash.Of(Item2));

    public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ")";
}

public struct ValueTuple<T1, T2, T3> : IEquatable<ValueTuple<T1, T2, T3>>
{
    public T1 Item1;
    public T2 Item2;
    public T3 Item3;

    public ValueTuple(T1 item1, T2 item2, T3 item3)
    {
        Item1 = item1;
        Item2 = item2;
        Item3 = item3;
    }

    public override bool Equals(object? obj) => obj is ValueTuple<T1, T2, T3> other && Equals(other);

    public bool Equals(ValueTuple<T1, T2, T3> other) =>
        EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2)
        && EqualityComparer<T3>.Default.Equals(Item3, other.Item3);

    public override int GetHashCode() =>
        TupleHash.Combine(TupleHash.Combine(TupleHash.Of(Item1), TupleHash.Of(Item2)), TupleHash.Of(Item3));

    public override string ToString() =>
        "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ")";
}

internal static class TupleHash
{
    internal static int Of<T>(T value) => value is null ? 0 : value.GetHashCode();

    internal static int Combine(int first, int second) => (int)(((uint)first << 5 | (uint)first >> 27) + (uint)first) ^ second;
}
