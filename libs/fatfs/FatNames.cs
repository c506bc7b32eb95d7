using System;
using Uk.Vfs;

namespace Uk.FatFs;

// Names on a FAT volume: the 11-byte short name (8.3, upper case) every entry has, and the
// long name VFAT stores in extra entries before it, tied to it by a checksum.
internal static class FatNames
{
    public const int ShortNameLength = 11;
    public const int CharsPerLongEntry = 13;

    public static FsError CheckLongName(string name)
    {
        if (name.Length > VfsPath.MaxNameLength)
            return FsError.NameTooLong;
        if (name.Length == 0 || name == "." || name == "..")
            return FsError.InvalidName;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c < ' ' || c == '"' || c == '*' || c == '/' || c == ':' || c == '<' || c == '>' || c == '?' || c == '\\' || c == '|')
                return FsError.InvalidName;
        }
        // Windows drops trailing dots and spaces; a name that ends in one could not be found again.
        char lastChar = name[name.Length - 1];
        if (lastChar == '.' || lastChar == ' ')
            return FsError.InvalidName;
        return FsError.None;
    }

    // The name as its own short entry when it is upper-case 8.3 already, so no long entry is needed.
    public static bool TryExactShortName(string name, Span<byte> shortName)
    {
        int dot = name.IndexOf('.');
        int baseLength = dot < 0 ? name.Length : dot;
        int extLength = dot < 0 ? 0 : name.Length - dot - 1;
        if (baseLength == 0 || baseLength > 8 || extLength > 3 || (dot >= 0 && extLength == 0))
            return false;
        shortName.Fill((byte)' ');
        for (int i = 0; i < name.Length; i++)
        {
            if (i == dot)
                continue;
            char c = name[i];
            if (!IsShortNameChar(c) || (c >= 'a' && c <= 'z'))
                return false;
            int target = i < baseLength ? i : 8 + (i - dot - 1);
            shortName[target] = (byte)c;
        }
        return true;
    }

    // "Long File Name.txt" → "LONGFI~N.TXT"'s bytes for tail number n (1..999999).
    public static void MakeNumberedShortName(string name, int tail, Span<byte> shortName)
    {
        shortName.Fill((byte)' ');
        int lastDot = name.LastIndexOf('.');
        string digits = tail.ToString();
        int baseRoom = 8 - 1 - digits.Length;
        int baseLength = 0;
        int end = lastDot > 0 ? lastDot : name.Length;
        for (int i = 0; i < end && baseLength < baseRoom; i++)
        {
            byte c = ShortChar(name[i]);
            if (c != 0)
                shortName[baseLength++] = c;
        }
        if (baseLength == 0)
            shortName[baseLength++] = (byte)'_';
        shortName[baseLength++] = (byte)'~';
        for (int i = 0; i < digits.Length; i++)
            shortName[baseLength++] = (byte)digits[i];
        if (lastDot > 0)
        {
            int extLength = 0;
            for (int i = lastDot + 1; i < name.Length && extLength < 3; i++)
            {
                byte c = ShortChar(name[i]);
                if (c != 0)
                    shortName[8 + extLength++] = c;
            }
        }
    }

    public static byte Checksum(ReadOnlySpan<byte> shortName)
    {
        byte sum = 0;
        for (int i = 0; i < ShortNameLength; i++)
            sum = (byte)((((sum & 1) << 7) | (sum >> 1)) + shortName[i]);
        return sum;
    }

    // The short name as text: "README.TXT"; the NT case flags (entry byte 12) ask for lower case.
    public static string FormatShortName(ReadOnlySpan<byte> shortName, byte caseFlags)
    {
        char[] text = new char[12];
        int length = 0;
        for (int i = 0; i < 8 && shortName[i] != ' '; i++)
            text[length++] = ShortToChar(i == 0 && shortName[0] == 0x05 ? (byte)0xE5 : shortName[i], (caseFlags & 0x08) != 0);
        if (shortName[8] != ' ')
        {
            text[length++] = '.';
            for (int i = 8; i < 11 && shortName[i] != ' '; i++)
                text[length++] = ShortToChar(shortName[i], (caseFlags & 0x10) != 0);
        }
        return new string(text, 0, length);
    }

    public static bool NameEquals(string a, string b)
    {
        if (a.Length != b.Length)
            return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (Fold(a[i]) != Fold(b[i]))
                return false;
        }
        return true;
    }

    private static char Fold(char c) => c >= 'a' && c <= 'z' ? (char)(c - 32) : c;

    private static char ShortToChar(byte b, bool lower)
    {
        char c = b < 0x80 ? (char)b : '_';
        return lower && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }

    private static bool IsShortNameChar(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        c == '$' || c == '%' || c == '\'' || c == '-' || c == '_' || c == '@' || c == '~' ||
        c == '`' || c == '!' || c == '(' || c == ')' || c == '{' || c == '}' || c == '^' || c == '#' || c == '&';

    // The character as it goes into a generated short name: upper case, '_' for what 8.3
    // cannot hold, 0 for what is dropped (spaces and dots).
    private static byte ShortChar(char c)
    {
        if (c == ' ' || c == '.')
            return 0;
        if (c >= 'a' && c <= 'z')
            return (byte)(c - 32);
        return IsShortNameChar(c) ? (byte)c : (byte)'_';
    }
}
