using System;
using System.Security.Cryptography;
using System.Text;

// Each line is compared with host .NET's output (which uses OpenSSL) for the same program.
byte[] abc = Encoding.UTF8.GetBytes("abc");
Check("sha256 abc", Convert.ToHexString(SHA256.HashData(abc)));
Check("sha1 abc", Convert.ToHexString(SHA1.HashData(abc)));
Check("sha384 abc", Convert.ToHexString(SHA384.HashData(abc)));
Check("sha512 abc", Convert.ToHexString(SHA512.HashData(abc)));
Check("md5 abc", Convert.ToHexString(MD5.HashData(abc)));
Check("sha3-256 supported", SHA3_256.IsSupported.ToString());
Check("sha3-256 abc", Convert.ToHexString(SHA3_256.HashData(abc)));
Check("sha3-384 abc", Convert.ToHexString(SHA3_384.HashData(abc)));
Check("sha3-512 abc", Convert.ToHexString(SHA3_512.HashData(abc)));
Check("shake128 abc 0/1/200 bytes", Convert.ToHexString(Shake128.HashData(abc, 0)) + "/" + Convert.ToHexString(Shake128.HashData(abc, 1)) + "/" + Convert.ToHexString(Shake128.HashData(abc, 200)));
Check("shake256 abc 64 bytes", Convert.ToHexString(Shake256.HashData(abc, 64)));

// Lengths around every block and padding boundary, each hash folded into one line.
int[] lengths = [0, 1, 55, 56, 63, 64, 65, 71, 72, 103, 104, 111, 112, 119, 127, 128, 129, 135, 136, 137, 167, 168, 169, 1000, 100_000];
Check("sha1 lengths", Fold(lengths, data => SHA1.HashData(data)));
Check("sha256 lengths", Fold(lengths, data => SHA256.HashData(data)));
Check("sha384 lengths", Fold(lengths, data => SHA384.HashData(data)));
Check("sha512 lengths", Fold(lengths, data => SHA512.HashData(data)));
Check("md5 lengths", Fold(lengths, data => MD5.HashData(data)));
Check("sha3-256 lengths", Fold(lengths, data => SHA3_256.HashData(data)));
Check("sha3-512 lengths", Fold(lengths, data => SHA3_512.HashData(data)));
Check("shake256 lengths", Fold(lengths, data => Shake256.HashData(data, data.Length % 300)));

// Incremental hashing with uneven pieces, the hash so far, and reuse after the result.
byte[] message = Pattern(5000);
using (var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
{
    for (int offset = 0, piece = 1; offset < message.Length; offset += piece, piece = piece * 3 % 257 + 1)
        incremental.AppendData(message, offset, Math.Min(piece, message.Length - offset));
    string current = Convert.ToHexString(incremental.GetCurrentHash());
    string final = Convert.ToHexString(incremental.GetHashAndReset());
    incremental.AppendData(abc);
    Check("incremental sha256", (current == final) + " " + (final == Convert.ToHexString(SHA256.HashData(message))) + " reused " + Convert.ToHexString(incremental.GetHashAndReset())[..16]);
}
using (SHA512 sha = SHA512.Create())
{
    sha.TransformBlock(message, 0, 1000, null, 0);
    sha.TransformFinalBlock(message, 1000, 4000);
    byte[] whole = sha.Hash ?? [];
    Check("transform blocks sha512", Convert.ToHexString(whole) == Convert.ToHexString(SHA512.HashData(message)) ? "same" : "different");
}
using (var shake = new Shake128())
{
    shake.AppendData(message);
    Check("shake128 incremental", Convert.ToHexString(shake.GetCurrentHash(32)) + " " + (Convert.ToHexString(shake.GetHashAndReset(32)) == Convert.ToHexString(Shake128.HashData(message, 32))));
}

// HMAC with keys shorter than, equal to and longer than a block (the long ones are hashed first).
foreach (int keyLength in new[] { 0, 20, 64, 65, 128, 200 })
{
    byte[] key = Pattern(keyLength);
    Check("hmac key " + keyLength, Short(HMACSHA256.HashData(key, message)) + " " + Short(HMACSHA1.HashData(key, message)) + " " + Short(HMACSHA384.HashData(key, message))
        + " " + Short(HMACSHA512.HashData(key, message)) + " " + Short(HMACMD5.HashData(key, message)) + " " + Short(HMACSHA3_256.HashData(key, message)));
}
using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("key")))
{
    Check("hmac rfc example", Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog"))));
    Check("hmac reused", Convert.ToHexString(hmac.ComputeHash(abc)) == Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("key"), abc)) ? "same" : "different");
}
using (var incrementalHmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA384, Pattern(150)))
{
    incrementalHmac.AppendData(message.AsSpan(0, 77));
    incrementalHmac.AppendData(message.AsSpan(77));
    Check("incremental hmac sha384", Short(incrementalHmac.GetCurrentHash()) + " " + Short(incrementalHmac.GetHashAndReset()));
}

// PBKDF2 (RFC 6070's first vectors, and longer output than one block).
Check("pbkdf2 sha1 1", Convert.ToHexString(Rfc2898DeriveBytes.Pbkdf2("password"u8, "salt"u8, 1, HashAlgorithmName.SHA1, 20)));
Check("pbkdf2 sha1 4096", Convert.ToHexString(Rfc2898DeriveBytes.Pbkdf2("password"u8, "salt"u8, 4096, HashAlgorithmName.SHA1, 20)));
Check("pbkdf2 sha256 70 bytes", Convert.ToHexString(Rfc2898DeriveBytes.Pbkdf2("passwordPASSWORD", Pattern(16), 100, HashAlgorithmName.SHA256, 70)));
Check("pbkdf2 sha512", Short(Rfc2898DeriveBytes.Pbkdf2("p", Pattern(8), 10, HashAlgorithmName.SHA512, 64)));

// What .NET refuses, it refuses the same way.
Check("hash into a short buffer", Try(() => SHA256.HashData(abc, new byte[16]).ToString()));
Check("unknown hmac algorithm", Try(() => IncrementalHash.CreateHMAC(new HashAlgorithmName("SHA7"), abc).AlgorithmName.Name ?? ""));
Console.WriteLine("done");

static void Check(string name, string value) => Console.WriteLine(name + ": " + value);

static string Short(byte[] hash) => Convert.ToHexString(hash)[..16];

static byte[] Pattern(int length)
{
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++)
        data[i] = (byte)(i * 31 + 7);
    return data;
}

static string Fold(int[] lengths, Func<byte[], byte[]> hash)
{
    var all = new StringBuilder();
    foreach (int length in lengths)
        all.Append(Convert.ToHexString(hash(Pattern(length))));
    return Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(all.ToString())))[..32];
}

static string Try(Func<string> action)
{
    try
    {
        return action();
    }
    catch (Exception exception)
    {
        return exception.GetType().Name;
    }
}
