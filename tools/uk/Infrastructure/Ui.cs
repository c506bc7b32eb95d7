using Spectre.Console;

namespace Unikraft.Cli.Infrastructure;

// Everything uk prints goes through here: steps and results on stdout, problems on stderr.
public static class Ui
{
    private static IAnsiConsole? _out;
    private static IAnsiConsole? _err;

    public static IAnsiConsole Out => _out ??= Create(Console.Out, Console.IsOutputRedirected);
    public static IAnsiConsole Err => _err ??= Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        // Piped output (logs, tests) should not wrap tables at 80 columns.
        if (redirected)
            console.Profile.Width = 200;
        return console;
    }

    public static bool Verbose { get; set; }

    public static void Step(string text) => Out.MarkupLine("[cyan]==>[/] " + Markup.Escape(text));
    public static void Info(string text) => Out.WriteLine(text);
    public static void Success(string text) => Out.MarkupLine("[green]" + Markup.Escape(text) + "[/]");
    public static void Warn(string text) => Err.MarkupLine("[yellow]warning:[/] " + Markup.Escape(text));
    public static void Error(string text) => Err.MarkupLine("[red]error:[/] " + Markup.Escape(text));

    public static void Command(string file, IEnumerable<string> arguments)
    {
        if (Verbose)
            Out.MarkupLine("[grey]$ " + Markup.Escape(CommandLine.Format(file, arguments)) + "[/]");
    }
}
