namespace Uk.Core;

public enum LogLevel
{
    Debug,
    Info,
    Warn,
    Error,
}

// printk: kernel messages with a level, filtered by the core's loglevel option.
public static class Log
{
    public static LogLevel Level { get; set; } = LogLevel.Info;

    public static void Debug(string message) => Print(LogLevel.Debug, message);

    public static void Info(string message) => Print(LogLevel.Info, message);

    public static void Warn(string message) => Print(LogLevel.Warn, message);

    public static void Error(string message) => Print(LogLevel.Error, message);

    public static void Print(LogLevel level, string message)
    {
        if (level < Level)
            return;
        Consoles.Write(Prefix(level));
        Consoles.Write(message);
        Consoles.Write("\n");
    }

    public static LogLevel ParseLevel(string name) => name switch
    {
        "debug" => LogLevel.Debug,
        "warn" => LogLevel.Warn,
        "error" => LogLevel.Error,
        _ => LogLevel.Info,
    };

    private static string Prefix(LogLevel level) => level switch
    {
        LogLevel.Debug => "[debug] ",
        LogLevel.Info => "[ info] ",
        LogLevel.Warn => "[ warn] ",
        _ => "[error] ",
    };
}
