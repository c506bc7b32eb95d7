using System;
using System.Runtime.InteropServices;

namespace Uk.Dotnet.CryptoNative;

// OpenSSL's error queue as CoreLib reads it after a failed call: the functions served here
// fail only on arguments CoreLib validates first, so the queue is empty (error 0) and its
// text says where the failure came from.
internal static unsafe class OpenSslErrors
{
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_ErrGetExceptionError")]
    private static ulong GetExceptionError(int* isAllocationFailure)
    {
        *isAllocationFailure = 0;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_ErrErrorStringN")]
    private static void ErrorString(ulong error, byte* buffer, int length)
    {
        ReadOnlySpan<byte> text = "a digest or HMAC call of the dotnet library failed"u8;
        if (length <= 0)
            return;
        int copied = text.Length < length - 1 ? text.Length : length - 1;
        text[..copied].CopyTo(new Span<byte>(buffer, copied));
        buffer[copied] = 0;
    }
}
