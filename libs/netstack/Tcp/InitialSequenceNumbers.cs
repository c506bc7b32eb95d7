namespace Uk.Net.Tcp;

// RFC 6528: ISN = M + F(local address, local port, remote address, remote port, secret), M a
// clock ticking every 4 us and F a keyed hash (SipHash-2-4 with a 128-bit secret drawn once).
// Successive connections on one 4-tuple get increasing numbers, as RFC 793 wants for old
// duplicates; numbers seen on other 4-tuples say nothing about this one's.
public sealed class InitialSequenceNumbers
{
    private const long NanosecondsPerTick = 4000;

    private readonly ulong _k0;
    private readonly ulong _k1;

    public InitialSequenceNumbers(Random64 random)
    {
        _k0 = random.Next();
        _k1 = random.Next();
    }

    public uint For(IPv4Address local, ushort localPort, IPv4Address remote, ushort remotePort, long now)
    {
        ulong addresses = (ulong)local.Value << 32 | remote.Value;
        ulong ports = (ulong)localPort << 16 | remotePort;
        return (uint)(SipHash.Hash(_k0, _k1, addresses, ports) + (ulong)(now / NanosecondsPerTick));
    }
}
