namespace System;

// A .NET standard numeric format string: one letter and an optional precision of up to nine
// digits ("F2", "N0", "E", "G17", "R", "x8"); null or "" is "G".
internal readonly struct NumericFormat
{
    public readonly char Kind;
    public readonly int Precision;
    public readonly char ExponentSymbol;

    private NumericFormat(char kind, int precision, char exponentSymbol)
    {
        Kind = kind;
        Precision = precision;
        ExponentSymbol = exponentSymbol;
    }

    public int PrecisionOr(int fallback) => Precision < 0 ? fallback : Precision;

    public static NumericFormat Parse(string? format)
    {
        if (format is null || format.Length == 0)
            return new NumericFormat('G', -1, 'E');
        char letter = format[0];
        int precision = -1;
        if (format.Length > 1)
        {
            if (format.Length > 10)
                throw Unsupported(format);
            precision = 0;
            for (int i = 1; i < format.Length; i++)
            {
                int digit = format[i] - '0';
                if ((uint)digit > 9)
                    throw Unsupported(format);
                precision = precision * 10 + digit;
            }
        }
        char upper = letter >= 'a' && letter <= 'z' ? (char)(letter - 32) : letter;
        return new NumericFormat(upper, precision, letter == upper ? 'E' : 'e');
    }

    public static FormatException Unsupported(string? format) =>
        new FormatException("Format string '" + format + "' is not supported; the standard formats G, R, F, N, E, D and X are (custom formats such as \"0.00\" are not).");
}
