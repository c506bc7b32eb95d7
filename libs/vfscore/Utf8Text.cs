using System;

namespace Uk.Vfs;

// UTF-8 for File.ReadAllText/WriteAllText (the corlib has no System.Text.Encoding yet).
// Invalid sequences decode to U+FFFD, as Encoding.UTF8 does.
public static class Utf8Text
{
    public static byte[] Encode(string text)
    {
        int length = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int code = CodePointAt(text, ref i);
            length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int code = CodePointAt(text, ref i);
            if (code < 0x80)
                bytes[at++] = (byte)code;
            else if (code < 0x800)
            {
                bytes[at++] = (byte)(0xC0 | (code >> 6));
                bytes[at++] = (byte)(0x80 | (code & 0x3F));
            }
            else if (code < 0x10000)
            {
                bytes[at++] = (byte)(0xE0 | (code >> 12));
                bytes[at++] = (byte)(0x80 | ((code >> 6) & 0x3F));
                bytes[at++] = (byte)(0x80 | (code & 0x3F));
            }
            else
            {
                bytes[at++] = (byte)(0xF0 | (code >> 18));
                bytes[at++] = (byte)(0x80 | ((code >> 12) & 0x3F));
                bytes[at++] = (byte)(0x80 | ((code >> 6) & 0x3F));
                bytes[at++] = (byte)(0x80 | (code & 0x3F));
            }
        }
        return bytes;
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        char[] chars = new char[bytes.Length];
        int length = 0;
        int i = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            i = 3;
        while (i < bytes.Length)
        {
            int b = bytes[i];
            int need = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : -1;
            int code = need == 0 ? b : need == 1 ? b & 0x1F : need == 2 ? b & 0x0F : b & 0x07;
            // The continuation bytes present; a sequence cut short is one U+FFFD as a whole.
            int present = 0;
            while (need > 0 && present < need && i + 1 + present < bytes.Length && (bytes[i + 1 + present] & 0xC0) == 0x80)
            {
                code = (code << 6) | (bytes[i + 1 + present] & 0x3F);
                present++;
            }
            if (need < 0 || present < need)
            {
                chars[length++] = '\uFFFD';
                i += 1 + present;
                continue;
            }
            i += need + 1;
            if (code >= 0x10000)
            {
                code -= 0x10000;
                chars[length++] = (char)(0xD800 + (code >> 10));
                chars[length++] = (char)(0xDC00 + (code & 0x3FF));
            }
            else
                chars[length++] = (char)code;
        }
        return new string(chars, 0, length);
    }

    private static int CodePointAt(string text, ref int i)
    {
        char c = text[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
        {
            i++;
            return 0x10000 + ((c - 0xD800) << 10) + (text[i] - 0xDC00);
        }
        return c;
    }
}
