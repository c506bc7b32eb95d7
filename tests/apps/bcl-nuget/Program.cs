using System;
using System.Collections.Generic;
using System.Text;
using Humanizer;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Utilities.Encoders;

// Each line is compared with host .NET's output for the same program.
Check("sha256 abc", Sha256("abc"));
Check("sha256 empty", Sha256(""));
Check("sha256 448 bits", Sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
Check("aes-gcm test case 2", AesGcm("00000000000000000000000000000000", "000000000000000000000000", "00000000000000000000000000000000", ""));
Check("aes-gcm test case 4", AesGcm("feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
    "feedfacedeadbeeffeedfacedeadbeefabaddad2"));
Check("humanize pascal case", "PascalCaseInputStringIsTurnedIntoSentence".Humanize());
Check("humanize underscores", "Underscored_input_string_is_turned_into_sentence".Humanize());
Check("titleize", "some title".Titleize());
Check("pluralize", "person".Pluralize() + " " + "mouse".Pluralize() + " " + "boxes".Singularize());
Check("to words", 1234.ToWords());
Check("ordinal", 21.Ordinalize() + " " + 3.ToOrdinalWords());
Check("quantity", "case".ToQuantity(5) + ", " + "man".ToQuantity(1));
Check("timespan", TimeSpan.FromMilliseconds(1299630020).Humanize(3));
Check("bytes", 1536.Bytes().Humanize() + " " + (10.5).Megabytes().Humanize());
Check("truncate", "Long text to truncate".Truncate(10));
Check("roman", 1990.ToRoman() + " " + "MMXXVI".FromRoman());
var product = new Product { Name = "Apple", Expiry = new DateTime(2008, 12, 28, 0, 0, 0, DateTimeKind.Utc), Sizes = ["Small"] };
string json = JsonConvert.SerializeObject(product);
Check("json serialize", json);
Product back = JsonConvert.DeserializeObject<Product>(json)!;
Check("json deserialize", back.Name + " " + back.Expiry.ToString("o") + " " + back.Sizes![0]);
JObject computer = JObject.Parse("{ 'CPU': 'Intel', 'Drives': [ 'DVD read/writer', '500 gigabyte hard drive' ] }");
Check("linq to json", (string)computer["CPU"]! + ", " + computer["Drives"]![1]);
Check("json dictionary", JsonConvert.DeserializeObject<Dictionary<string, int>>("{\"a\":1,\"b\":2}")!["b"].ToString());
Check("json indented", JsonConvert.SerializeObject(new Dictionary<string, int[]> { ["odd"] = [1, 3] }, Formatting.Indented).Replace("\r", "").Replace("\n", "|"));
Console.WriteLine("done");

static void Check(string name, string value) => Console.WriteLine(name + ": " + value);

static string Sha256(string text)
{
    var digest = new Sha256Digest();
    byte[] input = Encoding.ASCII.GetBytes(text);
    digest.BlockUpdate(input, 0, input.Length);
    byte[] output = new byte[digest.GetDigestSize()];
    digest.DoFinal(output, 0);
    return Hex.ToHexString(output);
}

static string AesGcm(string key, string iv, string plaintext, string associated)
{
    var cipher = new GcmBlockCipher(new AesEngine());
    cipher.Init(true, new AeadParameters(new KeyParameter(Hex.Decode(key)), 128, Hex.Decode(iv), Hex.Decode(associated)));
    byte[] input = Hex.Decode(plaintext);
    byte[] output = new byte[cipher.GetOutputSize(input.Length)];
    int length = cipher.ProcessBytes(input, 0, input.Length, output, 0);
    cipher.DoFinal(output, length);
    return Hex.ToHexString(output);
}

public class Product
{
    public string? Name { get; set; }

    public DateTime Expiry { get; set; }

    public string[]? Sizes { get; set; }
}
