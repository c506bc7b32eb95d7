using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using static Corpus.Report;

namespace Corpus;

// Hash functions and HMAC over known inputs (FIPS 180-4 and RFC 4231 vectors among them),
// one-shot, incremental and through streams.
internal static class Hashing
{
    public static void Run()
    {
        byte[] abc = Encoding.ASCII.GetBytes("abc");
        byte[] twoBlocks = Encoding.ASCII.GetBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
        Check("sha256", Hex(SHA256.HashData(abc)));
        Check("sha256 empty/two blocks", Hex(SHA256.HashData(Array.Empty<byte>()))[..16] + " " + Hex(SHA256.HashData(twoBlocks)));
        Check("sha256 million a", Hex(SHA256.HashData(Fill(new byte[1_000_000], (byte)'a'))));
        Check("sha1/md5", Hex(SHA1.HashData(abc)) + " " + Hex(MD5.HashData(abc)));
        Check("md5 empty/long", Hex(MD5.HashData(Array.Empty<byte>())) + " " + Hex(MD5.HashData(Encoding.ASCII.GetBytes("12345678901234567890123456789012345678901234567890123456789012345678901234567890"))));
        Check("sha384", Hex(SHA384.HashData(abc)));
        Check("sha512", Hex(SHA512.HashData(abc)));
        Check("sha512 two blocks", Hex(SHA512.HashData(Encoding.ASCII.GetBytes("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")))[..64]);
        Check("hmacsha256", Hex(HMACSHA256.HashData(Encoding.ASCII.GetBytes("key"), Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog"))));
        byte[] longKey = new byte[131];
        Array.Fill(longKey, (byte)0xAA);
        byte[] longKeyMessage = Encoding.ASCII.GetBytes("Test Using Larger Than Block-Size Key - Hash Key First");
        Check("hmac rfc4231 long key", Hex(HMACSHA256.HashData(longKey, longKeyMessage)) + " " + Hex(HMACSHA512.HashData(longKey, longKeyMessage))[..32]);
        Check("hmac sha1/md5/384", Hex(HMACSHA1.HashData(Encoding.ASCII.GetBytes("key"), abc)) + " " + Hex(HMACMD5.HashData(Encoding.ASCII.GetBytes("key"), abc)) + " " + Hex(HMACSHA384.HashData(Encoding.ASCII.GetBytes("key"), abc))[..24]);
        using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        incremental.AppendData(Encoding.ASCII.GetBytes("a"));
        incremental.AppendData(Encoding.ASCII.GetBytes("bc"));
        byte[] current = incremental.GetCurrentHash();
        byte[] final = incremental.GetHashAndReset();
        incremental.AppendData(twoBlocks);
        Check("incrementalhash", $"{Hex(current) == Hex(SHA256.HashData(abc))} {Hex(final) == Hex(current)} {Hex(incremental.GetHashAndReset()) == Hex(SHA256.HashData(twoBlocks))}");
        using var incrementalHmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA512, Encoding.ASCII.GetBytes("secret"));
        for (int i = 0; i < 100; i++)
            incrementalHmac.AppendData(Encoding.ASCII.GetBytes(i.ToString()));
        Check("incremental hmac", Hex(incrementalHmac.GetHashAndReset())[..32]);
        using SHA256 sha = SHA256.Create();
        Check("hashalgorithm stream", Hex(sha.ComputeHash(new MemoryStream(twoBlocks))) == Hex(SHA256.HashData(twoBlocks)));
        sha.TransformBlock(abc, 0, 2, null, 0);
        sha.TransformFinalBlock(abc, 2, 1);
        Check("hashalgorithm transform", Hex(sha.Hash!) + " " + sha.HashSize);
        Check("hash stream oneshot", Hex(SHA1.HashData(new MemoryStream(abc))) == Hex(SHA1.HashData(abc)));
        Check("fixedtimeequals", $"{CryptographicOperations.FixedTimeEquals(abc, Encoding.ASCII.GetBytes("abc"))} {CryptographicOperations.FixedTimeEquals(abc, twoBlocks)}");
        Check("hashdata by name", Hex(CryptographicOperations.HashData(HashAlgorithmName.SHA384, abc))[..16] + " " + Hex(CryptographicOperations.HmacData(HashAlgorithmName.SHA256, abc, abc))[..16]);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Fill(byte[] bytes, byte value)
    {
        Array.Fill(bytes, value);
        return bytes;
    }
}
