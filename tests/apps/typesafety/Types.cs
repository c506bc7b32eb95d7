using System;
using System.Collections.Generic;

namespace TypeSafety;

public sealed class Holder
{
    public int Value = 7;
}

public class Animal
{
    public virtual string Sound => "...";
}

public class Cat : Animal
{
    public override string Sound => "meow";
}

public interface IProducer<out T>
{
    T Produce();
}

public interface IConsumer<in T>
{
    string Consume(T item);
}

public sealed class CatProducer : IProducer<Cat>
{
    public Cat Produce() => new Cat();
}

public sealed class AnimalConsumer : IConsumer<Animal>
{
    public string Consume(Animal item) => "consumed " + item.Sound;
}

public class Box<T>
{
    public T? Item;
}

public enum Color
{
    Red,
    Green,
    Blue,
}

[Flags]
public enum Access
{
    None = 0,
    Read = 1,
    Write = 2,
}

public enum Small : byte
{
    Low = 1,
    High = 255,
}

public static class Outer
{
    public sealed class Inner
    {
    }
}

public static class Sequences
{
    public static IEnumerable<int> Doubled(this IEnumerable<int> source)
    {
        foreach (int value in source)
            yield return value * 2;
    }

    public static int Sum(IEnumerable<int> source)
    {
        int total = 0;
        foreach (int value in source)
            total += value;
        return total;
    }
}
