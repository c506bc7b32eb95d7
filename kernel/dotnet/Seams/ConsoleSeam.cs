namespace Internal.Runtime;

// Where .NET's Console output goes and its input comes from: the kernel core installs its
// consoles and console input here.
internal static unsafe class ConsoleSeam
{
    private static delegate*<System.ReadOnlySpan<char>, void> s_write;
    private static delegate*<System.Span<byte>, int> s_read;

    internal static bool IsInstalled => s_write != null;

    internal static void Install(delegate*<System.ReadOnlySpan<char>, void> write) => s_write = write;

    // Console input: the reader blocks until at least one byte came, then returns what is
    // there (0 when the image has no input device: end of input).
    internal static void InstallInput(delegate*<System.Span<byte>, int> read) => s_read = read;

    internal static int Read(System.Span<byte> buffer) => s_read != null ? s_read(buffer) : 0;

    internal static void Write(System.ReadOnlySpan<char> text)
    {
        if (s_write != null)
            s_write(text);
    }
}
