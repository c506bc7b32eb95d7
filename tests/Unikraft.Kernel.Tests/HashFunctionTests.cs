using System.Security.Cryptography;
using Uk.Dotnet.Cryptography;

namespace Unikraft.Kernel.Tests;

// The dotnet library's hash functions and HMAC (kernel/dotnet/Cryptography), which serve
// SHA256.HashData and friends in the guest: byte for byte what the host's OpenSSL computes,
// for every length around the block and padding boundaries, in random pieces, and cloned
// half-way.
public sealed class HashFunctionTests
{
    public static TheoryData<string> Algorithms => new() { "MD5", "SHA1", "SHA256", "SHA384", "SHA512" };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void DigestsMatchTheHost(string algorithm)
    {
        var random = new Random(7);
        foreach (int length in Enumerable.Range(0, 300).Concat([1000, 4096, 100_000]))
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            HashFunction function = Create(algorithm);
            int offset = 0;
            while (offset < length)
            {
                int piece = Math.Min(length - offset, random.Next(1, 200));
                function.Append(data.AsSpan(offset, piece));
                offset += piece;
            }
            byte[] digest = new byte[function.Size];
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
        HashFunction function = Create(algorithm);
        function.Append(first);
        HashFunction copy = function.Clone();
        function.Append(second);
        byte[] whole = new byte[function.Size];
        function.Finish(whole);
        byte[] prefix = new byte[copy.Size];
        copy.Finish(prefix);
        Assert.Equal(Convert.ToHexString(HostHash(algorithm, [.. first, .. second])), Convert.ToHexString(whole));
        Assert.Equal(Convert.ToHexString(HostHash(algorithm, first)), Convert.ToHexString(prefix));
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
        foreach (int keyLength in new[] { 0, 1, 20, 63, 64, 65, 127, 128, 129, 300 })
        {
            byte[] key = new byte[keyLength];
            random.NextBytes(key);
            byte[] message = new byte[random.Next(0, 500)];
            random.NextBytes(message);
            var hmac = new Hmac(Create(algorithm), Create(algorithm), key);
            hmac.Append(message);
            byte[] mac = new byte[hmac.Size];
            hmac.Finish(mac);
            Assert.Equal(Convert.ToHexString(HostHmac(algorithm, key, message)), Convert.ToHexString(mac));
            hmac.Reset();
            hmac.Append(message);
            hmac.Finish(mac);
            Assert.Equal(Convert.ToHexString(HostHmac(algorithm, key, message)), Convert.ToHexString(mac));
        }
    }

    private static HashFunction Create(string algorithm) => algorithm switch
    {
        "MD5" => new Md5Function(),
        "SHA1" => new Sha1Function(),
        "SHA256" => new Sha256Function(),
        "SHA384" => new Sha512Function(48),
        _ => new Sha512Function(64),
    };

    private static byte[] HostHash(string algorithm, byte[] data) => algorithm switch
    {
        "MD5" => MD5.HashData(data),
        "SHA1" => SHA1.HashData(data),
        "SHA256" => SHA256.HashData(data),
        "SHA384" => SHA384.HashData(data),
        _ => SHA512.HashData(data),
    };

    private static byte[] HostHmac(string algorithm, byte[] key, byte[] data) => algorithm switch
    {
        "MD5" => HMACMD5.HashData(key, data),
        "SHA1" => HMACSHA1.HashData(key, data),
        "SHA256" => HMACSHA256.HashData(key, data),
        "SHA384" => HMACSHA384.HashData(key, data),
        _ => HMACSHA512.HashData(key, data),
    };
}
