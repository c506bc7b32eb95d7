using System;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using static Corpus.Report;

namespace Corpus;

// string's own members, StringBuilder, spans over text and interpolated string handlers.
internal static class Strings
{
    public static void Run()
    {
        const string text = "The quick brown fox jumps over the lazy dog";
        Check("string.split options", Join("a, b,,c ,".Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        Check("string.split count", Join("1-2-3-4-5".Split('-', 3)));
        Check("string.split strings", Join("a::b::c".Split("::")));
        Check("string.join objects", string.Join("|", 1, 2.5, 'c', true, null, "s"));
        Check("string.concat", string.Concat("a", "b", "c", "d", "e") + string.Concat(new[] { 1, 2, 3 }));
        Check("string.substring", text.Substring(4, 5) + "|" + text[^3..] + "|" + text[..3]);
        Check("string.indexof", $"{text.IndexOf("fox")} {text.LastIndexOf('o')} {text.IndexOf("FOX", StringComparison.OrdinalIgnoreCase)} {text.IndexOfAny(new[] { 'z', 'q' })}");
        Check("string.contains", $"{text.Contains("lazy")} {text.Contains('Q')} {text.StartsWith("The")} {text.EndsWith("DOG", StringComparison.OrdinalIgnoreCase)}");
        Check("string.replace", text.Replace(" ", "_").Replace('o', '0'));
        Check("string.insert/remove", "abcdef".Insert(3, "XYZ").Remove(1, 2));
        Check("string.pad", $"[{"7".PadLeft(4, '0')}][{"ab".PadRight(5)}][{"x".PadRight(3, '.')}]");
        Check("string.trim chars", "xx--hello--xx".Trim('x', '-') + "|" + "  a  ".TrimStart() + "|" + "  a  ".TrimEnd() + "|");
        Check("string.case", "Hello World".ToUpperInvariant() + " " + "Hello World".ToLowerInvariant());
        Check("string.compare ordinal", $"{string.CompareOrdinal("a", "B")} {string.Compare("a", "B", StringComparison.OrdinalIgnoreCase)} {string.Equals("abc", "ABC", StringComparison.OrdinalIgnoreCase)}");
        Check("string.compare invariant", $"{Math.Sign(string.Compare("apple", "Banana", StringComparison.InvariantCulture))} {Math.Sign(string.Compare("a", "A", StringComparison.InvariantCulture))}");
        Check("string.isnull", $"{string.IsNullOrEmpty("")} {string.IsNullOrEmpty(null)} {string.IsNullOrWhiteSpace(" \t")} {string.IsNullOrWhiteSpace("x")}");
        Check("string.ctor", new string('*', 5) + new string(new[] { 'a', 'b' }) + new string("hello".AsSpan(1, 3)));
        Check("string.chars", new string("stressed".Reverse().ToArray()) + " " + "hello".Count(c => c == 'l'));
        Check("string.equality", $"{"ab" + "c" == "abc"} {ReferenceEquals(string.Intern("x" + 1), string.Intern("x1"))} {"abc".Equals((object)"abc")}");
        Check("string.unicode", $"{"héllo".Length} {"😀".Length} {char.IsSurrogate("😀"[0])} {char.ConvertToUtf32("😀", 0):X} {"naïve".ToUpperInvariant()}");
        Check("string.normalize", $"{"e\u0301".Normalize().Length} {"é".Normalize(NormalizationForm.FormD).Length}");
        Check("string.create", string.Create(5, 'a', (span, first) => { for (int i = 0; i < span.Length; i++) span[i] = (char)(first + i); }));
        Check("string.format args", string.Format(CultureInfo.InvariantCulture, "{0} + {0} = {1}; {{braces}} {2,5}|{3,-5}|", 2, 4, "r", "l"));
        Check("char members", $"{char.IsUpper('A')} {char.IsWhiteSpace('\t')} {char.IsPunctuation('!')} {char.GetNumericValue('7')} {char.IsLetterOrDigit('_')} {(char)('a' + 2)}");
        Check("char unicode category", $"{char.GetUnicodeCategory('a')} {char.GetUnicodeCategory('1')} {char.GetUnicodeCategory('€')} {char.GetUnicodeCategory(' ')}");

        var builder = new StringBuilder("start");
        builder.Append(' ').Append(42).Append(' ').Append(3.5).Append(' ').Append(true).Append('!', 3);
        Check("stringbuilder append", builder);
        builder.Clear().AppendFormat(CultureInfo.InvariantCulture, "{0:D3}-{1:F2}", 7, 2.0 / 3).AppendJoin("/", "a", "b", "c");
        Check("stringbuilder appendformat", builder);
        builder.Replace("-", " minus ").Insert(0, '[').Append(']');
        Check("stringbuilder replace/insert", builder + " length=" + builder.Length);
        builder.Remove(1, 4);
        builder[0] = '{';
        Check("stringbuilder remove/index", builder);
        var large = new StringBuilder();
        for (int i = 0; i < 1000; i++)
            large.Append(i % 10);
        Check("stringbuilder large", large.Length + " " + large.ToString(995, 5) + " capacity>=" + (large.Capacity >= 1000));
        builder.Clear();
        builder.Append($"interp {1 + 1} {"x",3}");
        Check("stringbuilder interpolated", builder);

        ReadOnlySpan<char> span = "key=value;other=thing".AsSpan();
        int equals = span.IndexOf('=');
        Check("span slice", span[..equals].ToString() + "|" + span[(equals + 1)..span.IndexOf(';')].ToString());
        Check("span search", $"{span.LastIndexOf('=')} {span.Contains("other", StringComparison.Ordinal)} {span.StartsWith("key")} {span.Count('=')}");
        Span<char> buffer = stackalloc char[16];
        bool formatted = 12345.678.TryFormat(buffer, out int written, "F1", CultureInfo.InvariantCulture);
        Check("span tryformat", formatted + " " + buffer[..written].ToString());
        Span<int> numbers = stackalloc int[] { 5, 3, 9, 1, 7 };
        numbers.Sort();
        numbers.Reverse();
        Check("span sort/reverse", Join(numbers.ToArray()));
        Check("span trim/equals", $"{"  pad  ".AsSpan().Trim().ToString()} {"ABC".AsSpan().Equals("abc", StringComparison.OrdinalIgnoreCase)} {"abc".AsSpan().SequenceEqual("abc")}");
        var memory = new Memory<byte>(new byte[] { 1, 2, 3, 4, 5, 6 });
        memory.Span[2..4].Fill(9);
        Check("memory slice", Join(memory.Slice(1, 4).ToArray()) + " length=" + memory.Length);
        int[] array = { 1, 2, 3, 4, 5 };
        array.AsSpan(1, 3).CopyTo(array.AsSpan(2));
        Check("span copy overlap", Join(array));
        Check("span split", SplitCount("a,b,,c,d"));
        Check("memoryextensions", $"{"hello world".AsSpan().IndexOfAny('w', 'z')} {"aaab".AsSpan().IndexOfAnyExcept('a')} {"abc".AsSpan().CommonPrefixLength("abd")}");

        var handler = new DefaultInterpolatedStringHandler(4, 2, CultureInfo.InvariantCulture);
        handler.AppendLiteral("v=");
        handler.AppendFormatted(1.25, "F3");
        handler.AppendLiteral(", ");
        handler.AppendFormatted("s", 4);
        Check("interpolated handler", handler.ToStringAndClear());
        Check("interpolated invariant", string.Create(CultureInfo.InvariantCulture, $"{1234.5:N1} {0.5:P0} {new DateTime(2024, 2, 29):d}"));
        Check("custom handler", Logged($"x={40 + 2} y={"why"}"));
        Check("raw string", """{"a": 1}""" + " " + $$"""{"b": {{2}}}""");
        Check("verbatim", @"c:\path\""quoted""" + " " + "tab\tnew".Length);
        Check("utf8 literal", "héllo"u8.Length + " " + Encoding.UTF8.GetString("ok"u8));
    }

    private static int SplitCount(string text)
    {
        int count = 0;
        foreach (Range range in text.AsSpan().Split(','))
            count += text[range].Length > 0 ? 1 : 0;
        return count;
    }

    private static string Logged(LogHandler handler) => handler.Text;
}

// A custom interpolated string handler: literals upper-cased, holes in brackets.
[InterpolatedStringHandler]
internal ref struct LogHandler
{
    private readonly StringBuilder _builder;

    public LogHandler(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + formattedCount * 4);
        _builder.Append(formattedCount).Append(':');
    }

    public readonly void AppendLiteral(string literal) => _builder.Append(literal.ToUpperInvariant());

    public readonly void AppendFormatted<T>(T value) => _builder.Append('[').Append(value).Append(']');

    public readonly string Text => _builder.ToString();
}
