namespace System;

public sealed partial class String
{
    public static string Concat(string? str0, string? str1)
    {
        if (IsNullOrEmpty(str0))
            return str1 ?? Empty;
        if (IsNullOrEmpty(str1))
            return str0!;
        string result = FastAllocateString(str0!.Length + str1!.Length);
        Span<char> destination = new Span<char>(ref result._firstChar, result.Length);
        str0.AsSpan().CopyTo(destination);
        str1.AsSpan().CopyTo(destination.Slice(str0.Length));
        return result;
    }

    public static string Concat(string? str0, string? str1, string? str2) => Concat(Concat(str0, str1), str2);

    public static string Concat(string? str0, string? str1, string? str2, string? str3) => Concat(Concat(str0, str1), Concat(str2, str3));

    public static string Concat(params string?[] values)
    {
        int total = 0;
        for (int i = 0; i < values.Length; i++)
            total += values[i]?.Length ?? 0;
        string result = FastAllocateString(total);
        Span<char> destination = new Span<char>(ref result._firstChar, total);
        int position = 0;
        for (int i = 0; i < values.Length; i++)
        {
            string? value = values[i];
            if (value is null)
                continue;
            value.AsSpan().CopyTo(destination.Slice(position));
            position += value.Length;
        }
        return result;
    }

    public static string Concat(object? arg0, object? arg1) => Concat(arg0?.ToString(), arg1?.ToString());

    public static string Concat(object? arg0, object? arg1, object? arg2) => Concat(arg0?.ToString(), arg1?.ToString(), arg2?.ToString());

    public static string Concat(params object?[] args)
    {
        string?[] texts = new string?[args.Length];
        for (int i = 0; i < args.Length; i++)
            texts[i] = args[i]?.ToString();
        return Concat(texts);
    }

    public static string Join(string? separator, params string?[] values)
    {
        if (values.Length == 0)
            return Empty;
        string result = values[0] ?? Empty;
        for (int i = 1; i < values.Length; i++)
            result = Concat(result, separator, values[i]);
        return result;
    }

    public string Substring(int startIndex) => Substring(startIndex, _stringLength - startIndex);

    public string Substring(int startIndex, int length)
    {
        if (startIndex < 0 || length < 0 || startIndex > _stringLength - length)
            throw new ArgumentOutOfRangeException(nameof(startIndex));
        if (length == _stringLength)
            return this;
        return new string(this.AsSpan(startIndex, length));
    }

    public string Trim()
    {
        int start = 0;
        int end = _stringLength;
        while (start < end && char.IsWhiteSpace(this[start]))
            start++;
        while (end > start && char.IsWhiteSpace(this[end - 1]))
            end--;
        return Substring(start, end - start);
    }

    public string ToUpperInvariant()
    {
        string result = FastAllocateString(_stringLength);
        for (int i = 0; i < _stringLength; i++)
            System.Runtime.CompilerServices.Unsafe.Add(ref result._firstChar, i) = char.ToUpperInvariant(this[i]);
        return result;
    }

    public string ToLowerInvariant()
    {
        string result = FastAllocateString(_stringLength);
        for (int i = 0; i < _stringLength; i++)
            System.Runtime.CompilerServices.Unsafe.Add(ref result._firstChar, i) = char.ToLowerInvariant(this[i]);
        return result;
    }

    public string Replace(char oldChar, char newChar)
    {
        string result = FastAllocateString(_stringLength);
        for (int i = 0; i < _stringLength; i++)
        {
            char c = this[i];
            System.Runtime.CompilerServices.Unsafe.Add(ref result._firstChar, i) = c == oldChar ? newChar : c;
        }
        return result;
    }

    public string PadLeft(int totalWidth, char paddingChar = ' ') =>
        totalWidth <= _stringLength ? this : Concat(new string(paddingChar, totalWidth - _stringLength), this);

    public string PadRight(int totalWidth, char paddingChar = ' ') =>
        totalWidth <= _stringLength ? this : Concat(this, new string(paddingChar, totalWidth - _stringLength));

    public string[] Split(char separator)
    {
        int count = 1;
        for (int i = 0; i < _stringLength; i++)
        {
            if (this[i] == separator)
                count++;
        }
        string[] parts = new string[count];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= _stringLength; i++)
        {
            if (i == _stringLength || this[i] == separator)
            {
                parts[part++] = Substring(start, i - start);
                start = i + 1;
            }
        }
        return parts;
    }
}
