using System;
using System.Runtime.InteropServices;
using Uk.Dotnet.Cryptography;

namespace Uk.Dotnet.CryptoNative;

// What System.Security.Cryptography asks OpenSSL's EVP digest functions for on Linux
// (SHA256.HashData, IncrementalHash, HashAlgorithm.ComputeHash), served by the managed
// digests in Uk.Dotnet.Cryptography: MD5, SHA-1, the SHA-2 and SHA-3 families and SHAKE.
// Functions return 1 for success and 0 for failure, as OpenSSL's do.
internal static unsafe class Digests
{
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EnsureOpenSslInitialized")]
    private static int EnsureInitialized() => 0;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMd5")]
    private static nint Md5() => DigestKinds.Md5;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha1")]
    private static nint Sha1() => DigestKinds.Sha1;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha256")]
    private static nint Sha256() => DigestKinds.Sha256;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha384")]
    private static nint Sha384() => DigestKinds.Sha384;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha512")]
    private static nint Sha512() => DigestKinds.Sha512;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha3_256")]
    private static nint Sha3_256() => DigestKinds.Sha3_256;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha3_384")]
    private static nint Sha3_384() => DigestKinds.Sha3_384;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpSha3_512")]
    private static nint Sha3_512() => DigestKinds.Sha3_512;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpShake128")]
    private static nint Shake128() => DigestKinds.Shake128;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpShake256")]
    private static nint Shake256() => DigestKinds.Shake256;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMdSize")]
    private static int MdSize(nint kind) => DigestKinds.Size(kind);

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_GetMaxMdSize")]
    private static int MaxMdSize() => 64;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMdCtxCreate")]
    private static nint Create(nint kind) => DigestKinds.Factory(kind) is Func<HashState> create ? Contexts.Keep(create()) : 0;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMdCtxDestroy")]
    private static void Destroy(nint context) => Contexts.Release(context);

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpMdCtxCopyEx")]
    private static nint Copy(nint context) => Contexts.Get<HashState>(context) is HashState digest ? Contexts.Keep(digest.Clone()) : 0;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestReset")]
    private static int Reset(nint context, nint kind)
    {
        if (Contexts.Get<HashState>(context) is not HashState digest)
            return 0;
        digest.Reset();
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestUpdate")]
    private static int Update(nint context, byte* data, int count)
    {
        if (Contexts.Get<HashState>(context) is not HashState digest || count < 0)
            return 0;
        digest.Append(new ReadOnlySpan<byte>(data, count));
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestFinalEx")]
    private static int FinalEx(nint context, byte* hash, uint* size)
    {
        if (Contexts.Get<HashState>(context) is not HashState digest)
            return 0;
        digest.Finish(new Span<byte>(hash, digest.HashSize));
        *size = (uint)digest.HashSize;
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestCurrent")]
    private static int Current(nint context, byte* hash, uint* size)
    {
        if (Contexts.Get<HashState>(context) is not HashState digest)
            return 0;
        digest.Clone().Finish(new Span<byte>(hash, digest.HashSize));
        *size = (uint)digest.HashSize;
        return 1;
    }

    // SHAKE's output is as long as the caller asks.
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestFinalXOF")]
    private static int FinalXof(nint context, byte* output, uint length)
    {
        if (Contexts.Get<HashState>(context) is not HashState digest || length > int.MaxValue)
            return 0;
        digest.Finish(new Span<byte>(output, (int)length));
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestCurrentXOF")]
    private static int CurrentXof(nint context, byte* output, uint length)
    {
        if (Contexts.Get<HashState>(context) is not HashState digest || length > int.MaxValue)
            return 0;
        digest.Clone().Finish(new Span<byte>(output, (int)length));
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestXOFOneShot")]
    private static int XofOneShot(nint kind, byte* source, int sourceSize, byte* output, uint length)
    {
        if (DigestKinds.Factory(kind) is not Func<HashState> create || sourceSize < 0 || length > int.MaxValue)
            return 0;
        HashState digest = create();
        digest.Append(new ReadOnlySpan<byte>(source, sourceSize));
        digest.Finish(new Span<byte>(output, (int)length));
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EvpDigestOneShot")]
    private static int OneShot(nint kind, byte* source, int sourceSize, byte* hash, uint* hashSize)
    {
        if (DigestKinds.Factory(kind) is not Func<HashState> create || sourceSize < 0)
            return 0;
        HashState digest = create();
        digest.Append(new ReadOnlySpan<byte>(source, sourceSize));
        digest.Finish(new Span<byte>(hash, digest.HashSize));
        *hashSize = (uint)digest.HashSize;
        return 1;
    }
}
