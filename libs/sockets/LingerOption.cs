namespace System.Net.Sockets;

// What Close does with a connection (as in .NET): enabled with 0 seconds resets it at once
// (RST) instead of the orderly close (FIN); other values keep the orderly close.
public sealed class LingerOption
{
    public LingerOption(bool enable, int seconds)
    {
        Enabled = enable;
        LingerTime = seconds;
    }

    public bool Enabled { get; set; }

    public int LingerTime { get; set; }
}
