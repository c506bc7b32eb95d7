using System;

namespace Uk.Dotnet.Cryptography;

// The EVP_MD handles CoreLib gets from CryptoNative_EvpSha256() and the like and passes back:
// small numbers standing for the algorithms served here (0 is "not supported", as OpenSSL's null).
internal static class DigestKinds
{
    public const nint Md5 = 1;
    public const nint Sha1 = 2;
    public const nint Sha256 = 3;
    public const nint Sha384 = 4;
    public const nint Sha512 = 5;
    public const nint Sha3_256 = 6;
    public const nint Sha3_384 = 7;
    public const nint Sha3_512 = 8;
    public const nint Shake128 = 9;
    public const nint Shake256 = 10;

    public static Func<HashState>? Factory(nint kind) => kind switch
    {
        Md5 => static () => new Md5(),
        Sha1 => static () => new Sha1(),
        Sha256 => static () => new Sha256(),
        Sha384 => static () => Cryptography.Sha512.Create384(),
        Sha512 => static () => Cryptography.Sha512.Create512(),
        Sha3_256 => static () => Keccak.Sha3(32),
        Sha3_384 => static () => Keccak.Sha3(48),
        Sha3_512 => static () => Keccak.Sha3(64),
        Shake128 => static () => Keccak.Shake(16),
        Shake256 => static () => Keccak.Shake(32),
        _ => null,
    };

    // EVP_MD_size: SHAKE reports its security strength in bytes, as OpenSSL does.
    public static int Size(nint kind) => kind switch
    {
        Md5 or Shake128 => 16,
        Sha1 => 20,
        Sha256 or Sha3_256 or Shake256 => 32,
        Sha384 or Sha3_384 => 48,
        Sha512 or Sha3_512 => 64,
        _ => 0,
    };

    // The block HMAC pads its key to: the compression block, or the sponge's rate.
    public static int BlockSize(nint kind) => kind switch
    {
        Sha384 or Sha512 => 128,
        Sha3_256 => 136,
        Sha3_384 => 104,
        Sha3_512 => 72,
        _ => 64,
    };
}
