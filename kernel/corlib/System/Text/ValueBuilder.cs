namespace System.Text;

// A growable character buffer for building short strings inside the corlib.
internal struct ValueBuilder
{
    private char[]? _buffer;
    private int _length;

    public void Append(char c)
    {
        Reserve(1);
        _buffer![_length++] = c;
    }

    public void Append(string text) => Append(text.AsSpan());

    public void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(new Span<char>(_buffer!, _length, text.Length));
        _length += text.Length;
    }

    public override string ToString() => _buffer is null ? "" : new string(_buffer, 0, _length);

    private void Reserve(int more)
    {
        if (_buffer is not null && _length + more <= _buffer.Length)
            return;
        int size = _buffer is null ? 32 : _buffer.Length * 2;
        if (size < _length + more)
            size = _length + more;
        char[] larger = new char[size];
        if (_buffer is not null)
            new ReadOnlySpan<char>(_buffer, 0, _length).CopyTo(larger);
        _buffer = larger;
    }
}
