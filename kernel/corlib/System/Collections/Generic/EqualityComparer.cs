namespace System.Collections.Generic;

public interface IEqualityComparer<in T>
{
    bool Equals(T? x, T? y);

    int GetHashCode(T obj);
}

// Default compares with the type's own Equals/GetHashCode, as the BCL's does (IEquatable<T>
// is not looked up separately: types here implement both consistently).
public abstract class EqualityComparer<T> : IEqualityComparer<T>
{
    // A new comparer each time: the corlib keeps no per-instantiation statics for generics.
    public static EqualityComparer<T> Default => new ObjectEqualityComparer<T>();

    public abstract bool Equals(T? x, T? y);

    public abstract int GetHashCode(T obj);
}

internal sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
{
    public override bool Equals(T? x, T? y)
    {
        if (x is null)
            return y is null;
        if (y is null)
            return false;
        return x.Equals(y);
    }

    public override int GetHashCode(T obj) => obj is null ? 0 : obj.GetHashCode();
}
