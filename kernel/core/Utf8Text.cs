namespace Uk.Core;

// UTF-8 for the bytes the kernel hands to C-style interfaces (Main's argv), written here so
// the minimal corlib needs no encoding classes. An unpaired surrogate becomes U+FFFD, as
// .NET's encoder does.
public static class Utf8Text
{
    public static byte[] EncodeNullTerminated(string text)
    {
        byte[] bytes = new byte[Encode(text, null) + 1];
        Encode(text, bytes);
        return bytes;
    }

    // Writes text into output (or only counts the bytes when output is null).
    private static int Encode(string text, byte[]? output)
    {
        int written = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (codePoint >= 0xD800 && codePoint <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (text[++i] - 0xDC00);
            else if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
                codePoint = 0xFFFD;

            if (codePoint < 0x80)
            {
                Put(output, ref written, codePoint);
            }
            else if (codePoint < 0x800)
            {
                Put(output, ref written, 0xC0 | (codePoint >> 6));
                Put(output, ref written, 0x80 | (codePoint & 0x3F));
            }
            else if (codePoint < 0x10000)
            {
                Put(output, ref written, 0xE0 | (codePoint >> 12));
                Put(output, ref written, 0x80 | ((codePoint >> 6) & 0x3F));
                Put(output, ref written, 0x80 | (codePoint & 0x3F));
            }
            else
            {
                Put(output, ref written, 0xF0 | (codePoint >> 18));
                Put(output, ref written, 0x80 | ((codePoint >> 12) & 0x3F));
                Put(output, ref written, 0x80 | ((codePoint >> 6) & 0x3F));
                Put(output, ref written, 0x80 | (codePoint & 0x3F));
            }
        }
        return written;
    }

    private static void Put(byte[]? output, ref int written, int value)
    {
        if (output is not null)
            output[written] = (byte)value;
        written++;
    }
}
