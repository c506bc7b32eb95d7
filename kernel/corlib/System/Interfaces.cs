namespace System;

public interface IDisposable
{
    void Dispose();
}

public interface IEquatable<T>
{
    bool Equals(T? other);
}

public interface IComparable<in T>
{
    int CompareTo(T? other);
}

public interface IFormatProvider
{
    object? GetFormat(Type? formatType);
}

public interface IFormattable
{
    string ToString(string? format, IFormatProvider? formatProvider);
}
