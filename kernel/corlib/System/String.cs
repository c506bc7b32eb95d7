using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

public sealed unsafe partial class String : IEquatable<string?>, IComparable<string?>, IEnumerable<char>
{
    // ILC knows these two fields by name: the length, then the first of the characters.
    private readonly int _stringLength;
    private char _firstChar;

    public static readonly string Empty = "";

    public int Length => _stringLength;

    [IndexerName("Chars")]
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_stringLength)
                throw new IndexOutOfRangeException();
            return Unsafe.Add(ref _firstChar, index);
        }
    }

    internal ref char GetRawStringData() => ref _firstChar;

    public ref readonly char GetPinnableReference() => ref _firstChar;

    // The constructors are implemented by the static Ctor methods below; ILC redirects
    // `new string(...)` to the Ctor with the same parameters.
    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char[] value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char[] value, int startIndex, int length);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char* value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char* value, int startIndex, int length);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(sbyte* value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char c, int count);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(ReadOnlySpan<char> value);

    private static string Ctor(char[] value) => value is null ? Empty : Ctor(value, 0, value.Length);

    private static string Ctor(char[] value, int startIndex, int length)
    {
        if (value is null)
            throw new ArgumentNullException(nameof(value));
        if (startIndex < 0 || length < 0 || startIndex > value.Length - length)
            throw new ArgumentOutOfRangeException(nameof(startIndex));
        return new string(new ReadOnlySpan<char>(value, startIndex, length));
    }

    private static string Ctor(char* value)
    {
        if (value == null)
            return Empty;
        int length = 0;
        while (value[length] != '\0')
            length++;
        return Ctor(value, 0, length);
    }

    private static string Ctor(char* value, int startIndex, int length)
    {
        if (length < 0 || startIndex < 0)
            throw new ArgumentOutOfRangeException(nameof(length));
        return Ctor(new ReadOnlySpan<char>(value + startIndex, length));
    }

    // UTF-8, as .NET decodes a null-terminated sbyte* on Linux: boot loaders hand over command
    // lines and names as bytes, and the consoles print UTF-8. A malformed sequence becomes one
    // U+FFFD for its longest valid start, as .NET's decoder does.
    private static string Ctor(sbyte* value)
    {
        if (value == null)
            return Empty;
        int length = 0;
        while (value[length] != 0)
            length++;
        string result = FastAllocateString(DecodeUtf8((byte*)value, length, null));
        fixed (char* output = &result._firstChar)
            DecodeUtf8((byte*)value, length, output);
        return result;
    }

    // Decodes count bytes into output (or only counts the chars when output is null).
    private static int DecodeUtf8(byte* bytes, int count, char* output)
    {
        int written = 0;
        int i = 0;
        while (i < count)
        {
            byte lead = bytes[i++];
            if (lead < 0x80)
            {
                Put(output, ref written, (char)lead);
                continue;
            }
            int needed = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
            int codePoint = needed switch { 1 => lead & 0x1F, 2 => lead & 0x0F, _ => lead & 0x07 };
            int taken = 0;
            while (taken < needed && i < count && IsContinuation(lead, taken, bytes[i]))
            {
                codePoint = (codePoint << 6) | (bytes[i++] & 0x3F);
                taken++;
            }
            if (needed == 0 || taken < needed)
            {
                Put(output, ref written, '\uFFFD');
            }
            else if (codePoint >= 0x10000)
            {
                Put(output, ref written, (char)(0xD800 + ((codePoint - 0x10000) >> 10)));
                Put(output, ref written, (char)(0xDC00 + ((codePoint - 0x10000) & 0x3FF)));
            }
            else
            {
                Put(output, ref written, (char)codePoint);
            }
        }
        return written;
    }

    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    private static bool IsContinuation(byte lead, int position, byte value)
    {
        if (position == 0)
        {
            if (lead == 0xE0)
                return value >= 0xA0 && value <= 0xBF;
            if (lead == 0xED)
                return value >= 0x80 && value <= 0x9F;
            if (lead == 0xF0)
                return value >= 0x90 && value <= 0xBF;
            if (lead == 0xF4)
                return value >= 0x80 && value <= 0x8F;
        }
        return value >= 0x80 && value <= 0xBF;
    }

    private static void Put(char* output, ref int written, char value)
    {
        if (output != null)
            output[written] = value;
        written++;
    }

    private static string Ctor(char c, int count)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count));
        string result = FastAllocateString(count);
        for (int i = 0; i < count; i++)
            Unsafe.Add(ref result._firstChar, i) = c;
        return result;
    }

    private static string Ctor(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
            return Empty;
        string result = FastAllocateString(value.Length);
        Buffer.Memmove(ref Unsafe.As<char, byte>(ref result._firstChar), ref Unsafe.As<char, byte>(ref value.GetReference()), (nuint)value.Length * 2);
        return result;
    }

    internal static string FastAllocateString(int length)
    {
        if (length == 0)
            return Empty;
        return Unsafe.As<string>(Allocation.NewArray(MethodTable.Of<string>(), length));
    }

    public static bool IsNullOrEmpty(string? value) => value is null || value._stringLength == 0;

    public static implicit operator ReadOnlySpan<char>(string? value) =>
        value is null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

    public override string ToString() => this;

    public char[] ToCharArray()
    {
        char[] result = new char[_stringLength];
        this.AsSpan().CopyTo(result);
        return result;
    }
}
