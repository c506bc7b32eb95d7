namespace UdpEcho;

// udpecho's arguments (after `--`), each `name=value`; a bad one is an error naming it.
public sealed class EchoOptions
{
    public const string Usage = "usage: udpecho [port=7] [datagrams=N] [size-probe=0|1]";

    public int Port { get; private set; } = 7;

    // Exit after echoing this many datagrams; 0 runs forever.
    public long StopAfter { get; private set; }

    // A datagram "size N" is answered with N bytes (or why they could not be sent). Off by
    // default: a small request answered with 64 KiB would make the guest an amplifier.
    public bool SizeProbe { get; private set; }

    // Null and the options when every argument is good, else the message saying which is not.
    public static string? TryParse(string[] args, out EchoOptions options)
    {
        options = new EchoOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string argument = args[i];
            int equals = argument.IndexOf('=');
            string name = equals < 0 ? argument : argument.Substring(0, equals);
            if (equals < 0 || !long.TryParse(argument.Substring(equals + 1), out long value) || value < 0)
                return "udpecho: '" + argument + "': expected name=number\n" + Usage;
            if (name == "port" && value >= 1 && value <= 65535)
                options.Port = (int)value;
            else if (name == "datagrams")
                options.StopAfter = value;
            else if (name == "size-probe" && value <= 1)
                options.SizeProbe = value == 1;
            else
                return "udpecho: '" + argument + "': unknown or out of range\n" + Usage;
        }
        return null;
    }
}
