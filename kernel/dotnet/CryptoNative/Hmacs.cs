using System;
using System.Runtime.InteropServices;
using Uk.Dotnet.Cryptography;

namespace Uk.Dotnet.CryptoNative;

// OpenSSL's HMAC functions as CoreLib calls them on Linux (HMACSHA256.HashData, new
// HMACSHA256(key), IncrementalHash.CreateHMAC), over Uk.Dotnet.Cryptography.Hmac.
internal static unsafe class Hmacs
{
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacCreate")]
    private static nint Create(byte* key, int keyLength, nint kind)
    {
        if (DigestKinds.Factory(kind) is not Func<HashState> create || keyLength < 0)
            return 0;
        return Contexts.Keep(new Hmac(create, DigestKinds.BlockSize(kind), new ReadOnlySpan<byte>(key, keyLength)));
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacDestroy")]
    private static void Destroy(nint context) => Contexts.Release(context);

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacCopy")]
    private static nint Copy(nint context) => Contexts.Get<Hmac>(context) is Hmac hmac ? Contexts.Keep(hmac.Clone()) : 0;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacReset")]
    private static int Reset(nint context)
    {
        if (Contexts.Get<Hmac>(context) is not Hmac hmac)
            return 0;
        hmac.Reset();
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacUpdate")]
    private static int Update(nint context, byte* data, int length)
    {
        if (Contexts.Get<Hmac>(context) is not Hmac hmac || length < 0)
            return 0;
        hmac.Append(new ReadOnlySpan<byte>(data, length));
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacFinal")]
    private static int Final(nint context, byte* code, int* length)
    {
        if (Contexts.Get<Hmac>(context) is not Hmac hmac)
            return 0;
        hmac.Finish(new Span<byte>(code, hmac.HashSize));
        *length = hmac.HashSize;
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacCurrent")]
    private static int Current(nint context, byte* code, int* length)
    {
        if (Contexts.Get<Hmac>(context) is not Hmac hmac)
            return 0;
        hmac.Clone().Finish(new Span<byte>(code, hmac.HashSize));
        *length = hmac.HashSize;
        return 1;
    }

    // -1 for invalid input, as OpenSSL's shim answers.
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacOneShot")]
    private static int OneShot(nint kind, byte* key, int keySize, byte* source, int sourceSize, byte* code, int* codeSize)
    {
        if (DigestKinds.Factory(kind) is not Func<HashState> create || keySize < 0 || sourceSize < 0)
            return -1;
        var hmac = new Hmac(create, DigestKinds.BlockSize(kind), new ReadOnlySpan<byte>(key, keySize));
        hmac.Append(new ReadOnlySpan<byte>(source, sourceSize));
        hmac.Finish(new Span<byte>(code, hmac.HashSize));
        *codeSize = hmac.HashSize;
        return 1;
    }

    // PKCS5_PBKDF2_HMAC (RFC 8018): Rfc2898DeriveBytes.Pbkdf2.
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_Pbkdf2")]
    private static int Pbkdf2(byte* password, int passwordLength, byte* salt, int saltLength, int iterations, nint kind, byte* destination, int destinationLength)
    {
        if (DigestKinds.Factory(kind) is not Func<HashState> create || passwordLength < 0 || saltLength < 0 || iterations <= 0 || destinationLength < 0)
            return -1;
        var hmac = new Hmac(create, DigestKinds.BlockSize(kind), new ReadOnlySpan<byte>(password, passwordLength));
        var output = new Span<byte>(destination, destinationLength);
        Span<byte> block = stackalloc byte[hmac.HashSize];
        Span<byte> u = stackalloc byte[hmac.HashSize];
        Span<byte> counter = stackalloc byte[4];
        for (uint index = 1; output.Length > 0; index++)
        {
            counter[0] = (byte)(index >> 24);
            counter[1] = (byte)(index >> 16);
            counter[2] = (byte)(index >> 8);
            counter[3] = (byte)index;
            hmac.Append(new ReadOnlySpan<byte>(salt, saltLength));
            hmac.Append(counter);
            hmac.Finish(u);
            u.CopyTo(block);
            for (int i = 1; i < iterations; i++)
            {
                hmac.Append(u);
                hmac.Finish(u);
                for (int j = 0; j < block.Length; j++)
                    block[j] ^= u[j];
            }
            int taken = Math.Min(block.Length, output.Length);
            block[..taken].CopyTo(output);
            output = output[taken..];
        }
        return 1;
    }
}
