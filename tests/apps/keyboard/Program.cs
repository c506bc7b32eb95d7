using System;

// Echoes the lines typed on the console input (a PS/2 keyboard driven through the QEMU
// monitor's sendkey in KeyboardBootTests) until "end", control characters shown as \xNN, so
// the test sees exactly which bytes each line held. Compiled for both base class libraries
// (tests/apps/bcl-keyboard links this file).
Console.WriteLine("ready");
string? line;
while ((line = Console.ReadLine()) is not null && line != "end")
    Console.WriteLine("got: " + Visible(line));
Console.WriteLine("done");

static string Visible(string text)
{
    const string digits = "0123456789ABCDEF";
    char[] shown = new char[text.Length * 4];
    int length = 0;
    foreach (char c in text)
    {
        if (c >= ' ' && c < '\u007F')
        {
            shown[length++] = c;
            continue;
        }
        shown[length++] = '\\';
        shown[length++] = 'x';
        shown[length++] = digits[(c >> 4) & 0xF];
        shown[length++] = digits[c & 0xF];
    }
    return new string(shown, 0, length);
}
