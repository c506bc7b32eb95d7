using Uk.Core;

namespace System;

// The application's view of the consoles, shaped like System.Console.
public static class Console
{
    public static void Write(string? value) => Consoles.Write(value);

    public static void Write(char value) => Consoles.Write(new ReadOnlySpan<char>(in value));

    public static void Write(object? value) => Consoles.Write(value?.ToString());

    public static void Write(int value) => Consoles.Write(value.ToString());

    public static void Write(long value) => Consoles.Write(value.ToString());

    public static void WriteLine() => Consoles.Write("\n");

    public static void WriteLine(string? value)
    {
        Consoles.Write(value);
        Consoles.Write("\n");
    }

    public static void WriteLine(object? value) => WriteLine(value?.ToString());

    public static void WriteLine(int value) => WriteLine(value.ToString());

    public static void WriteLine(long value) => WriteLine(value.ToString());

    public static void WriteLine(bool value) => WriteLine(value ? "True" : "False");
}
