namespace Unikraft.Cli.Infrastructure;

// Formats a command for display so it can be pasted into a shell.
public static class CommandLine
{
    public static string Format(string file, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { file }.Concat(arguments).Select(Quote));

    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./=:,@%+".Contains(c)))
            return word;
        return "'" + word.Replace("'", "'\\''") + "'";
    }
}
