namespace Uk.Net;

// Something with timers that NetStack.Tick drives (the DHCP client, the DNS resolver).
public interface INetTimer
{
    void Tick(long now);

    long NextDeadline { get; }
}
