namespace System.Runtime.CompilerServices;

// What C# uses for $"..." strings: literals and formatted values appended to a growing buffer.
[InterpolatedStringHandler]
public ref struct DefaultInterpolatedStringHandler
{
    private char[] _buffer;
    private int _position;

    public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
    {
        _buffer = new char[literalLength + formattedCount * 11 + 8];
        _position = 0;
    }

    public void AppendLiteral(string value) => AppendSpan(value);

    public void AppendFormatted<T>(T value)
    {
        if (value is null)
            return;
        AppendSpan(value.ToString());
    }

    public void AppendFormatted<T>(T value, string? format)
    {
        if (value is null)
            return;
        string? text = value is IFormattable formattable ? formattable.ToString(format, null) : value.ToString();
        AppendSpan(text);
    }

    public void AppendFormatted<T>(T value, int alignment) => AppendAligned(value?.ToString(), alignment);

    public void AppendFormatted<T>(T value, int alignment, string? format) =>
        AppendAligned(value is IFormattable formattable ? formattable.ToString(format, null) : value?.ToString(), alignment);

    public void AppendFormatted(string? value) => AppendSpan(value);

    public void AppendFormatted(ReadOnlySpan<char> value) => AppendSpan(value);

    public override string ToString() => new string(_buffer, 0, _position);

    public string ToStringAndClear()
    {
        string result = ToString();
        _position = 0;
        return result;
    }

    // Positive alignment pads on the left, negative on the right, as string.Format does.
    private void AppendAligned(string? text, int alignment)
    {
        text ??= "";
        int width = alignment < 0 ? -alignment : alignment;
        int padding = width - text.Length;
        if (alignment > 0)
            AppendPadding(padding);
        AppendSpan(text);
        if (alignment < 0)
            AppendPadding(padding);
    }

    private void AppendPadding(int count)
    {
        for (int i = 0; i < count; i++)
            AppendSpan(" ");
    }

    private void AppendSpan(ReadOnlySpan<char> text)
    {
        if (_position + text.Length > _buffer.Length)
        {
            int size = _buffer.Length * 2;
            if (size < _position + text.Length)
                size = _position + text.Length;
            char[] larger = new char[size];
            new ReadOnlySpan<char>(_buffer, 0, _position).CopyTo(larger);
            _buffer = larger;
        }
        text.CopyTo(new Span<char>(_buffer, _position, text.Length));
        _position += text.Length;
    }
}
