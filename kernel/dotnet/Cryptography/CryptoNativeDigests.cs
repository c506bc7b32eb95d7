using System;
using System.Runtime.InteropServices;

namespace Uk.Dotnet.Cryptography;

// The message-digest and HMAC part of System.Security.Cryptography.Native.OpenSsl, which
// SHA256.HashData, MD5, IncrementalHash, HMACSHA256 and friends call on Linux: served by the
// managed hash functions here. An algorithm is named by a small non-zero number standing for
// OpenSSL's EVP_MD pointer; a context is a GC handle to its hash function or HMAC. Like
// OpenSSL's, the functions answer 1 for success and 0 for failure.
internal static unsafe class CryptoNativeDigests
{
    private const int MaxDigestSize = 64;
    private const int Success = 1;
    private const int Failure = 0;

    private enum Algorithm
    {
        Md5 = 1,
        Sha1,
        Sha256,
        Sha384,
        Sha512,
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EnsureOpenSslInitialized")]
    private static int EnsureInitialized() => 0;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_GetMaxMdSize")]
    private static int GetMaxMdSize() => MaxDigestSize;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMd5")]
    private static nint EvpMd5() => (nint)Algorithm.Md5;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha1")]
    private static nint EvpSha1() => (nint)Algorithm.Sha1;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha256")]
    private static nint EvpSha256() => (nint)Algorithm.Sha256;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha384")]
    private static nint EvpSha384() => (nint)Algorithm.Sha384;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha512")]
    private static nint EvpSha512() => (nint)Algorithm.Sha512;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMdSize")]
    private static int EvpMdSize(nint type) => Create(type)?.Size ?? 0;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestOneShot")]
    private static int DigestOneShot(nint type, byte* source, int sourceSize, byte* md, uint* mdSize)
    {
        HashFunction? function = Create(type);
        if (function is null || md == null || mdSize == null || sourceSize < 0)
            return Failure;
        function.Append(new ReadOnlySpan<byte>(source, sourceSize));
        function.Finish(new Span<byte>(md, function.Size));
        *mdSize = (uint)function.Size;
        return Success;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMdCtxCreate")]
    private static nint DigestCreate(nint type)
    {
        HashFunction? function = Create(type);
        return function is null ? 0 : GCHandle.ToIntPtr(GCHandle.Alloc(function));
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMdCtxCopyEx")]
    private static nint DigestCopy(nint context) =>
        Digest(context) is { } function ? GCHandle.ToIntPtr(GCHandle.Alloc(function.Clone())) : 0;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMdCtxDestroy")]
    private static void DigestDestroy(nint context) => Free(context);

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestReset")]
    private static int DigestReset(nint context, nint type)
    {
        HashFunction? function = Digest(context);
        if (function is null)
            return Failure;
        function.Reset();
        return Success;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestUpdate")]
    private static int DigestUpdate(nint context, byte* data, int count)
    {
        HashFunction? function = Digest(context);
        if (function is null || count < 0)
            return Failure;
        function.Append(new ReadOnlySpan<byte>(data, count));
        return Success;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestFinalEx")]
    private static int DigestFinal(nint context, byte* md, uint* size) => WriteDigest(Digest(context), md, size);

    // The digest so far, leaving the running one as it was.
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestCurrent")]
    private static int DigestCurrent(nint context, byte* md, uint* size) => WriteDigest(Digest(context)?.Clone(), md, size);

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacOneShot")]
    private static int HmacOneShot(nint type, byte* key, int keySize, byte* source, int sourceSize, byte* md, int* mdSize)
    {
        Hmac? hmac = CreateHmac(type, key, keySize);
        if (hmac is null || md == null || mdSize == null || sourceSize < 0)
            return Failure;
        hmac.Append(new ReadOnlySpan<byte>(source, sourceSize));
        hmac.Finish(new Span<byte>(md, hmac.Size));
        *mdSize = hmac.Size;
        return Success;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacCreate")]
    private static nint HmacCreate(byte* key, int keyLength, nint type)
    {
        Hmac? hmac = CreateHmac(type, key, keyLength);
        return hmac is null ? 0 : GCHandle.ToIntPtr(GCHandle.Alloc(hmac));
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacCopy")]
    private static nint HmacCopy(nint context) =>
        HmacOf(context) is { } hmac ? GCHandle.ToIntPtr(GCHandle.Alloc(hmac.Clone())) : 0;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacDestroy")]
    private static void HmacDestroy(nint context) => Free(context);

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacReset")]
    private static int HmacReset(nint context)
    {
        Hmac? hmac = HmacOf(context);
        if (hmac is null)
            return Failure;
        hmac.Reset();
        return Success;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacUpdate")]
    private static int HmacUpdate(nint context, byte* data, int length)
    {
        Hmac? hmac = HmacOf(context);
        if (hmac is null || length < 0)
            return Failure;
        hmac.Append(new ReadOnlySpan<byte>(data, length));
        return Success;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacFinal")]
    private static int HmacFinal(nint context, byte* md, int* length) => WriteMac(HmacOf(context), md, length);

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_HmacCurrent")]
    private static int HmacCurrent(nint context, byte* md, int* length) => WriteMac(HmacOf(context)?.Clone(), md, length);

    // No OpenSSL error queue: nothing here fails in a way it would record.
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_ErrClearError")]
    private static void ErrClearError()
    {
    }

    private static HashFunction? Create(nint type) => (Algorithm)type switch
    {
        Algorithm.Md5 => new Md5Function(),
        Algorithm.Sha1 => new Sha1Function(),
        Algorithm.Sha256 => new Sha256Function(),
        Algorithm.Sha384 => new Sha512Function(48),
        Algorithm.Sha512 => new Sha512Function(64),
        _ => null,
    };

    private static Hmac? CreateHmac(nint type, byte* key, int keyLength)
    {
        HashFunction? inner = Create(type);
        HashFunction? outer = Create(type);
        if (inner is null || outer is null || keyLength < 0)
            return null;
        return new Hmac(inner, outer, new ReadOnlySpan<byte>(key, keyLength));
    }

    private static HashFunction? Digest(nint context) => context == 0 ? null : GCHandle.FromIntPtr(context).Target as HashFunction;

    private static Hmac? HmacOf(nint context) => context == 0 ? null : GCHandle.FromIntPtr(context).Target as Hmac;

    private static void Free(nint context)
    {
        if (context != 0)
            GCHandle.FromIntPtr(context).Free();
    }

    private static int WriteDigest(HashFunction? function, byte* md, uint* size)
    {
        if (function is null || md == null)
            return Failure;
        function.Finish(new Span<byte>(md, function.Size));
        if (size != null)
            *size = (uint)function.Size;
        function.Reset();
        return Success;
    }

    private static int WriteMac(Hmac? hmac, byte* md, int* length)
    {
        if (hmac is null || md == null)
            return Failure;
        hmac.Finish(new Span<byte>(md, hmac.Size));
        if (length != null)
            *length = hmac.Size;
        hmac.Reset();
        return Success;
    }
}
