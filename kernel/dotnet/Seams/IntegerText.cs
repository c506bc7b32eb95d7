namespace System;

// The minimal corlib's integer text for kernel messages, over .NET's own formatting.
internal static class IntegerText
{
    public static string Hex(ulong value, int minDigits = 1, bool upperCase = true) =>
        value.ToString((upperCase ? "X" : "x") + minDigits.ToString());

    public static string Decimal(ulong value, int minDigits) => value.ToString("D" + minDigits.ToString());
}
