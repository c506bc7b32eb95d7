namespace System;

public abstract class ValueType
{
    // Without reflection there is no field-by-field comparison; value types that are
    // compared for equality override Equals, as the primitives here do.
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => 0;

    public override string? ToString() => GetType().FullName;
}
