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

    // ASCII/Latin-1 bytes, as boot loaders hand over command lines and names.
    private static string Ctor(sbyte* value)
    {
        if (value == null)
            return Empty;
        int length = 0;
        while (value[length] != 0)
            length++;
        string result = FastAllocateString(length);
        for (int i = 0; i < length; i++)
            Unsafe.Add(ref result._firstChar, i) = (char)(byte)value[i];
        return result;
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
