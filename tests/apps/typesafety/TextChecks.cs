namespace TypeSafety;

// C strings are UTF-8, as .NET decodes them on Linux: a command line or a name from the boot
// loader arrives this way. Code points are printed, so the check does not depend on the console.
public static unsafe class TextChecks
{
    public static void Run()
    {
        Report.Line("utf8 two-byte", CodePoints([0x63, 0x61, 0x66, 0xC3, 0xA9]));
        Report.Line("utf8 three and four bytes", CodePoints([0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80]));
        Report.Line("utf8 invalid lead", CodePoints([0x61, 0xFF, 0x62]));
        Report.Line("utf8 truncated sequence", CodePoints([0xE2, 0x82, 0x61]));
        Report.Line("utf8 overlong and surrogate", CodePoints([0xC0, 0xAF, 0xED, 0xA0, 0x80]));
    }

    private static string CodePoints(byte[] bytes)
    {
        byte[] terminated = new byte[bytes.Length + 1];
        for (int i = 0; i < bytes.Length; i++)
            terminated[i] = bytes[i];
        string text;
        fixed (byte* start = terminated)
            text = new string((sbyte*)start);
        string result = "";
        for (int i = 0; i < text.Length; i++)
            result += (i == 0 ? "" : " ") + ((int)text[i]).ToString("X4");
        return result;
    }
}
