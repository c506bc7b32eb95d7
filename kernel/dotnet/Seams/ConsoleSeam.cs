namespace Internal.Runtime;

// Where .NET's Console output goes: the kernel core installs its consoles here.
internal static unsafe class ConsoleSeam
{
    private static delegate*<System.ReadOnlySpan<char>, void> s_write;

    internal static bool IsInstalled => s_write != null;

    internal static void Install(delegate*<System.ReadOnlySpan<char>, void> write) => s_write = write;

    internal static void Write(System.ReadOnlySpan<char> text)
    {
        if (s_write != null)
            s_write(text);
    }
}
