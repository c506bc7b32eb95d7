using System.Runtime.InteropServices;

namespace Uk.Dotnet.SystemNative;

// Bytes for hash seeds and System.Random's default seed: a xorshift generator seeded from the
// time-stamp counter on first use. Not for secrets, as the name says.
internal static unsafe class Randomness
{
    private static ulong s_state;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetNonCryptographicallySecureRandomBytes")]
    private static void GetBytes(byte* buffer, int length)
    {
        if (s_state == 0)
            s_state = ukplat_read_tsc() | 1;
        for (int i = 0; i < length; i++)
        {
            s_state ^= s_state << 13;
            s_state ^= s_state >> 7;
            s_state ^= s_state << 17;
            buffer[i] = (byte)(s_state >> 32);
        }
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern ulong ukplat_read_tsc();
}
