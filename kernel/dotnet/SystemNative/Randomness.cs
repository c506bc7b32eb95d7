using System;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Random bytes for RandomNumberGenerator, Guid.NewGuid, System.Random's default seed and hash
// seeds: the kernel's CSPRNG once the core has installed it. Before that (CoreLib's own
// start-up asks for a hash seed), a xorshift generator seeded from the time-stamp counter
// serves the non-cryptographic requests only.
internal static unsafe class Randomness
{
    private static ulong s_state;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetNonCryptographicallySecureRandomBytes")]
    private static void GetBytes(byte* buffer, int length)
    {
        if (RandomSeam.IsInstalled)
        {
            RandomSeam.Fill(new Span<byte>(buffer, length));
            return;
        }
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

    // 0 on success, as System.Native returns it.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetCryptographicallySecureRandomBytes")]
    private static int GetSecureBytes(byte* buffer, int length)
    {
        if (!RandomSeam.IsInstalled)
            return -1;
        RandomSeam.Fill(new Span<byte>(buffer, length));
        return 0;
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern ulong ukplat_read_tsc();
}
