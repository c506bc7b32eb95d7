namespace Unikraft.Boot.Tests;

// The QEMU sendkey combinations a person types text with on a US keyboard: the key, with
// shift for upper case letters and the shifted symbols.
internal static class UsTypist
{
    private static readonly (string Key, char Plain, char Shifted)[] Symbols =
    [
        ("minus", '-', '_'), ("equal", '=', '+'), ("bracket_left", '[', '{'), ("bracket_right", ']', '}'),
        ("backslash", '\\', '|'), ("semicolon", ';', ':'), ("apostrophe", '\'', '"'), ("grave_accent", '`', '~'),
        ("comma", ',', '<'), ("dot", '.', '>'), ("slash", '/', '?'),
        ("1", '1', '!'), ("2", '2', '@'), ("3", '3', '#'), ("4", '4', '$'), ("5", '5', '%'),
        ("6", '6', '^'), ("7", '7', '&'), ("8", '8', '*'), ("9", '9', '('), ("0", '0', ')'),
    ];

    public static IEnumerable<string> Keys(string text) => text.Select(Key);

    private static string Key(char c)
    {
        if (c == ' ')
            return "spc";
        if (c is >= 'a' and <= 'z')
            return c.ToString();
        if (c is >= 'A' and <= 'Z')
            return "shift-" + char.ToLowerInvariant(c);
        foreach ((string key, char plain, char shifted) in Symbols)
        {
            if (c == plain)
                return key;
            if (c == shifted)
                return "shift-" + key;
        }
        throw new ArgumentException("no US key types '" + c + "'", nameof(c));
    }
}
