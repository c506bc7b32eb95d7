using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Uk.Dotnet.Cryptography;

namespace Unikraft.Kernel.Tests;

// The dotnet library's hash functions and HMAC (kernel/dotnet/Cryptography), which serve
// SHA256.HashData and friends in the guest: byte for byte what the host's OpenSSL computes,
// for every length around the block, rate and padding boundaries, in random pieces, and
// cloned half-way.
public sealed class HashFunctionTests
{
    public static TheoryData<string> Algorithms => new() { "MD5", "SHA1", "SHA256", "SHA384", "SHA512", "SHA3-256", "SHA3-384", "SHA3-512" };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void DigestsMatchTheHost(string algorithm)
    {
        var random = new Random(7);
        foreach (int length in Enumerable.Range(0, 300).Concat([1000, 4096, 100_000]))
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            HashState function = Create(algorithm);
            int offset = 0;
            while (offset < length)
            {
                int piece = Math.Min(length - offset, random.Next(1, 200));
                function.Append(data.AsSpan(offset, piece));
                offset += piece;
            }
            byte[] digest = new byte[function.HashSize];
            function.Finish(digest);
            Assert.Equal(Convert.ToHexString(HostHash(algorithm, data)), Convert.ToHexString(digest));
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void CloneAndResetKeepTheirOwnState(string algorithm)
    {
        byte[] first = "The quick brown fox "u8.ToArray();
        byte[] second = "jumps over the lazy dog"u8.ToArray();
        HashState function = Create(algorithm);
        function.Append(first);
        HashState copy = function.Clone();
        function.Append(second);
        byte[] whole = new byte[function.HashSize];
        function.Finish(whole);
        byte[] prefix = new byte[copy.HashSize];
        copy.Finish(prefix);
        Assert.Equal(Convert.ToHexString(HostHash(algorithm, [.. first, .. second])), Convert.ToHexString(whole));
        Assert.Equal(Convert.ToHexString(HostHash(algorithm, first)), Convert.ToHexString(prefix));
        function.Append(first);
        function.Reset();
        function.Append(second);
        function.Finish(whole);
        Assert.Equal(Convert.ToHexString(HostHash(algorithm, second)), Convert.ToHexString(whole));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void HmacMatchesTheHost(string algorithm)
    {
        var random = new Random(11);
        foreach (int keyLength in new[] { 0, 1, 20, 63, 64, 65, 71, 72, 73, 127, 128, 129, 136, 137, 300 })
        {
            byte[] key = new byte[keyLength];
            random.NextBytes(key);
            byte[] message = new byte[random.Next(0, 500)];
            random.NextBytes(message);
            nint kind = Kind(algorithm);
            var hmac = new Hmac(DigestKinds.Factory(kind)!, DigestKinds.BlockSize(kind), key);
            hmac.Append(message);
            byte[] mac = new byte[hmac.HashSize];
            hmac.Finish(mac);
            Assert.Equal(Convert.ToHexString(HostHmac(algorithm, key, message)), Convert.ToHexString(mac));
            hmac.Append(message);
            hmac.Finish(mac);
            Assert.Equal(Convert.ToHexString(HostHmac(algorithm, key, message)), Convert.ToHexString(mac));
        }
    }

    // SHAKE's output is as long as asked, across the rate (168 and 136 bytes) and beyond.
    [Theory]
    [InlineData(128)]
    [InlineData(256)]
    public void ShakeMatchesTheHostAtEveryOutputLength(int strength)
    {
        byte[] data = new byte[333];
        new Random(5).NextBytes(data);
        foreach (int length in new[] { 0, 1, 32, 135, 136, 137, 167, 168, 169, 500 })
        {
            HashState shake = DigestKinds.Factory(strength == 128 ? DigestKinds.Shake128 : DigestKinds.Shake256)!();
            shake.Append(data);
            byte[] output = new byte[length];
            shake.Finish(output);
            byte[] host = strength == 128 ? Shake128.HashData(data, length) : Shake256.HashData(data, length);
            Assert.Equal(Convert.ToHexString(host), Convert.ToHexString(output));
        }
    }

    private static nint Kind(string algorithm) => algorithm switch
    {
        "MD5" => DigestKinds.Md5,
        "SHA1" => DigestKinds.Sha1,
        "SHA256" => DigestKinds.Sha256,
        "SHA384" => DigestKinds.Sha384,
        "SHA512" => DigestKinds.Sha512,
        "SHA3-256" => DigestKinds.Sha3_256,
        "SHA3-384" => DigestKinds.Sha3_384,
        _ => DigestKinds.Sha3_512,
    };

    private static HashState Create(string algorithm) => DigestKinds.Factory(Kind(algorithm))!();

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "The guest serves SHA-1; the host's is the reference it is checked against.")]
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "The guest serves MD5; the host's is the reference it is checked against.")]
    private static byte[] HostHash(string algorithm, byte[] data) => algorithm switch
    {
        "MD5" => MD5.HashData(data),
        "SHA1" => SHA1.HashData(data),
        "SHA256" => SHA256.HashData(data),
        "SHA384" => SHA384.HashData(data),
        "SHA512" => SHA512.HashData(data),
        "SHA3-256" => SHA3_256.HashData(data),
        "SHA3-384" => SHA3_384.HashData(data),
        _ => SHA3_512.HashData(data),
    };

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "The guest serves HMAC-SHA1; the host's is the reference it is checked against.")]
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "The guest serves HMAC-MD5; the host's is the reference it is checked against.")]
    private static byte[] HostHmac(string algorithm, byte[] key, byte[] data) => algorithm switch
    {
        "MD5" => HMACMD5.HashData(key, data),
        "SHA1" => HMACSHA1.HashData(key, data),
        "SHA256" => HMACSHA256.HashData(key, data),
        "SHA384" => HMACSHA384.HashData(key, data),
        "SHA512" => HMACSHA512.HashData(key, data),
        "SHA3-256" => HMACSHA3_256.HashData(key, data),
        "SHA3-384" => HMACSHA3_384.HashData(key, data),
        _ => HMACSHA3_512.HashData(key, data),
    };
}
