using System;
using System.Security.Cryptography;
using System.Text;
using static Corpus.Report;

namespace Corpus;

// Hash functions over known inputs.
internal static class Hashing
{
    public static void Run()
    {
        byte[] abc = Encoding.ASCII.GetBytes("abc");
        Check("sha256", Convert.ToHexStringLower(SHA256.HashData(abc)));
        Check("sha1/md5", Convert.ToHexStringLower(SHA1.HashData(abc)) + " " + Convert.ToHexStringLower(MD5.HashData(abc)));
        Check("sha512", Convert.ToHexStringLower(SHA512.HashData(abc))[..32]);
        Check("hmacsha256", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.ASCII.GetBytes("key"), Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog"))));
        using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        incremental.AppendData(Encoding.ASCII.GetBytes("a"));
        incremental.AppendData(Encoding.ASCII.GetBytes("bc"));
        Check("incrementalhash", Convert.ToHexStringLower(incremental.GetHashAndReset()) == Convert.ToHexStringLower(SHA256.HashData(abc)));
    }
}
