namespace HttpServer;

// The server's arguments (after `--` on the kernel command line), each `name=value`. A bad
// value is an error naming it, never an exception.
public sealed class ServerOptions
{
    public const string Usage = "usage: httpserver [port=80] [max-connections=512] [max-connections-per-peer=max-connections/2] [head-timeout-ms=10000] [idle-timeout-ms=15000]";

    public int Port { get; private set; } = 80;

    // Connections served at once; one more is answered 503 and closed.
    public int MaxConnections { get; private set; } = 512;

    // Connections one client address may hold at once; one more sheds that address's
    // longest-waiting connection, or is answered 503 when all of them are busy. Half of
    // max-connections unless given, so no one address can take every slot.
    public int MaxConnectionsPerPeer { get; private set; }

    public HttpLimits Limits { get; } = new HttpLimits();

    // Null and the options when every argument is good, else the message saying which is not.
    public static string? TryParse(string[] args, out ServerOptions options)
    {
        options = new ServerOptions();
        bool perPeerGiven = false;
        for (int i = 0; i < args.Length; i++)
        {
            string argument = args[i];
            int equals = argument.IndexOf('=');
            string name = equals < 0 ? argument : argument.Substring(0, equals);
            string text = equals < 0 ? "" : argument.Substring(equals + 1);
            if (!TryParseInt(text, out int value))
                return "httpserver: '" + argument + "': the value is not a whole number\n" + Usage;
            switch (name)
            {
                case "port" when value >= 1 && value <= 65535:
                    options.Port = value;
                    break;
                case "max-connections" when value >= 1:
                    options.MaxConnections = value;
                    break;
                case "max-connections-per-peer" when value >= 1:
                    options.MaxConnectionsPerPeer = value;
                    perPeerGiven = true;
                    break;
                case "head-timeout-ms" when value >= 1:
                    options.Limits.HeadTimeoutMs = value;
                    break;
                case "idle-timeout-ms" when value >= 1:
                    options.Limits.IdleTimeoutMs = value;
                    break;
                case "port":
                case "max-connections":
                case "max-connections-per-peer":
                case "head-timeout-ms":
                case "idle-timeout-ms":
                    return "httpserver: '" + argument + "': out of range\n" + Usage;
                default:
                    return "httpserver: unknown argument '" + argument + "'\n" + Usage;
            }
        }
        if (!perPeerGiven)
            options.MaxConnectionsPerPeer = options.MaxConnections / 2 > 0 ? options.MaxConnections / 2 : 1;
        return null;
    }

    private static bool TryParseInt(string text, out int value)
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
