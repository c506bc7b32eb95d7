namespace Internal.Runtime;

// The kernel's CSPRNG (ChaCha20, seeded from RDSEED/RDRAND and timing jitter in kernel/core),
// which the core installs; RandomNumberGenerator, Guid.NewGuid and hash seeds read it.
internal static unsafe class RandomSeam
{
    private static delegate*<System.Span<byte>, void> s_fill;

    internal static bool IsInstalled => s_fill != null;

    internal static void Install(delegate*<System.Span<byte>, void> fill) => s_fill = fill;

    internal static void Fill(System.Span<byte> destination) => s_fill(destination);
}
