namespace System;

public sealed partial class String
{
    public static bool operator ==(string? a, string? b) => Equals(a, b);

    public static bool operator !=(string? a, string? b) => !Equals(a, b);

    public static bool Equals(string? a, string? b)
    {
        if ((object?)a == b)
            return true;
        if (a is null || b is null || a._stringLength != b._stringLength)
            return false;
        return a.AsSpan().SequenceEqual(b.AsSpan());
    }

    public bool Equals(string? value) => Equals(this, value);

    public override bool Equals(object? obj) => obj is string other && Equals(this, other);

    // FNV-1a over the characters: deterministic, which a unikernel's tests can rely on.
    public override int GetHashCode()
    {
        uint hash = 2166136261;
        for (int i = 0; i < _stringLength; i++)
            hash = (hash ^ this[i]) * 16777619;
        return (int)hash;
    }

    public static int CompareOrdinal(string? strA, string? strB)
    {
        if ((object?)strA == strB)
            return 0;
        if (strA is null)
            return -1;
        if (strB is null)
            return 1;
        int common = strA.Length < strB.Length ? strA.Length : strB.Length;
        for (int i = 0; i < common; i++)
        {
            int difference = strA[i] - strB[i];
            if (difference != 0)
                return difference;
        }
        return strA.Length - strB.Length;
    }

    public int CompareTo(string? strB) => CompareOrdinal(this, strB);

    public bool StartsWith(string value) => value.Length <= _stringLength && this.AsSpan(0, value.Length).SequenceEqual(value.AsSpan());

    public bool EndsWith(string value) => value.Length <= _stringLength && this.AsSpan(_stringLength - value.Length).SequenceEqual(value.AsSpan());

    public bool StartsWith(char value) => _stringLength > 0 && this[0] == value;

    public bool EndsWith(char value) => _stringLength > 0 && this[_stringLength - 1] == value;

    public bool Contains(string value) => IndexOf(value) >= 0;

    public bool Contains(char value) => IndexOf(value) >= 0;

    public int IndexOf(char value) => IndexOf(value, 0);

    public int IndexOf(char value, int startIndex)
    {
        if ((uint)startIndex > (uint)_stringLength)
            throw new ArgumentOutOfRangeException(nameof(startIndex));
        for (int i = startIndex; i < _stringLength; i++)
        {
            if (this[i] == value)
                return i;
        }
        return -1;
    }

    public int IndexOf(string value) => IndexOf(value, 0);

    public int IndexOf(string value, int startIndex)
    {
        if (value is null)
            throw new ArgumentNullException(nameof(value));
        if ((uint)startIndex > (uint)_stringLength)
            throw new ArgumentOutOfRangeException(nameof(startIndex));
        for (int i = startIndex; i + value.Length <= _stringLength; i++)
        {
            if (this.AsSpan(i, value.Length).SequenceEqual(value.AsSpan()))
                return i;
        }
        return -1;
    }

    public int LastIndexOf(char value)
    {
        for (int i = _stringLength - 1; i >= 0; i--)
        {
            if (this[i] == value)
                return i;
        }
        return -1;
    }
}
