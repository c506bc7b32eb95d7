namespace KvStore;

// kvstore's arguments (after "--" on the kernel command line). A bad one is a message naming
// it, never an exception: Program prints it with the usage and exits with code 2.
internal sealed class KvArguments
{
    public const string Usage = "usage: kvstore [serve [idle=<seconds>] | fill <prefix> <count> | dump]";
    public const int DefaultIdleSeconds = 3600;
    public const int MaxFillCount = 10_000_000;
    // Keys longer than this are refused at the console; a fill key is the prefix and a number.
    public const int MaxPrefixLength = LogRecord.MaxKeyBytes / 4 - 8;

    public string Mode { get; private set; } = "serve";

    public string Prefix { get; private set; } = "";

    public int Count { get; private set; }

    // Seconds the console may stay silent before serve closes the store; 0 waits forever.
    public int IdleSeconds { get; private set; } = DefaultIdleSeconds;

    // Null and the arguments when they are good, else the message saying which one is not.
    public static string? TryParse(string[] args, out KvArguments parsed)
    {
        parsed = new KvArguments();
        if (args.Length == 0)
            return null;
        parsed.Mode = args[0];
        switch (args[0])
        {
            case "dump":
                return args.Length == 1 ? null : "kvstore: dump takes no arguments, not '" + args[1] + "'";
            case "fill":
                if (args.Length != 3)
                    return "kvstore: fill takes a key prefix and a count";
                return parsed.ParseFill(args[1], args[2]);
            case "serve":
                for (int i = 1; i < args.Length; i++)
                {
                    string? problem = parsed.ParseServeOption(args[i]);
                    if (problem is not null)
                        return problem;
                }
                return null;
            default:
                return "kvstore: unknown command '" + args[0] + "'";
        }
    }

    private string? ParseFill(string prefix, string count)
    {
        if (prefix.Length == 0 || prefix.Length > MaxPrefixLength)
            return "kvstore: fill prefix '" + prefix + "': 1 to " + MaxPrefixLength.ToString() + " characters";
        for (int i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] <= ' ' || prefix[i] >= 0x7F)
                return "kvstore: fill prefix '" + prefix + "': printable ASCII only";
        }
        bool parsed = TryParseWholeNumber(count, out int value);
        if (!parsed && !IsAllDigits(count))
            return "kvstore: fill count '" + count + "': not a whole number";
        if (!parsed || value > MaxFillCount)
            return "kvstore: fill count '" + count + "': out of range (0 to " + MaxFillCount.ToString() + ")";
        Prefix = prefix;
        Count = value;
        return null;
    }

    private string? ParseServeOption(string argument)
    {
        const string Idle = "idle=";
        if (!argument.StartsWith(Idle))
            return "kvstore: unknown argument '" + argument + "'";
        string text = argument.Substring(Idle.Length);
        if (!TryParseWholeNumber(text, out int seconds))
            return IsAllDigits(text) ? "kvstore: '" + argument + "': out of range (0 to 999999999 seconds)" : "kvstore: '" + argument + "': the value is not a whole number of seconds";
        IdleSeconds = seconds;
        return null;
    }

    private static bool IsAllDigits(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
                return false;
        }
        return text.Length > 0;
    }

    // Digits only, at most 9 of them: no sign, no overflow.
    private static bool TryParseWholeNumber(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 9)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
                return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    }
}
