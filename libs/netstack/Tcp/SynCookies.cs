namespace Uk.Net.Tcp;

// SYN cookies: when a listener's backlog is full its SYN-ACK's initial sequence number
// carries the handshake instead of a connection kept for it, and the ACK that returns that
// number plus one proves the peer saw our SYN-ACK. The 32 bits are a keyed hash (SipHash-2-4
// under a 128-bit secret of its own, as for RFC 6528's numbers) of the 4-tuple, the peer's
// initial sequence number, a coarse clock and an MSS index (28 bits), then the MSS index
// (2 bits) and the clock's low 2 bits. Forging one means guessing 28 hash bits for that
// 4-tuple and sequence number; a cookie lives one to two clock counts (69 to 137 s).
public sealed class SynCookies
{
    // One count of the clock: 2^36 ns, about 69 s.
    private const int ClockShift = 36;

    // Counts a cookie stays valid after the one it was made in.
    private const uint MaxAge = 1;

    // The longest a cookie made now can still be accepted, in nanoseconds.
    public const long Lifetime = (long)(MaxAge + 1) << ClockShift;

    // The MSS values a cookie can carry: the peer's MSS is rounded down to one of them (the
    // usual sizes: RFC 9293's default, tunnels and PPPoE, Ethernet).
    private static readonly ushort[] s_mss = { 536, 1200, 1440, 1460 };

    private readonly ulong _k0;
    private readonly ulong _k1;

    public SynCookies(Random64 random)
    {
        _k0 = random.Next();
        _k1 = random.Next();
    }

    // The initial sequence number to answer a SYN with; peerMss 0 when the SYN named none.
    public uint Make(IPv4Address local, ushort localPort, IPv4Address remote, ushort remotePort, uint peerIsn, ushort peerMss, long now)
    {
        uint mssIndex = IndexFor(peerMss);
        ulong count = Count(now);
        return HashBits(local, localPort, remote, remotePort, peerIsn, count, mssIndex) | mssIndex << 2 | (uint)(count & 3);
    }

    // The MSS the cookie carries when cookie is one this layer made for that handshake within
    // its lifetime, else 0. peerIsn is the ACK's sequence number minus one, cookie its
    // acknowledgment number minus one.
    public int Check(IPv4Address local, ushort localPort, IPv4Address remote, ushort remotePort, uint peerIsn, uint cookie, long now)
    {
        ulong current = Count(now);
        ulong age = (current - cookie) & 3;
        if (age > MaxAge || age > current)
            return 0;
        uint mssIndex = cookie >> 2 & 3;
        uint expected = HashBits(local, localPort, remote, remotePort, peerIsn, current - age, mssIndex);
        return (cookie & ~0xFu) == expected ? s_mss[mssIndex] : 0;
    }

    private static ulong Count(long now) => (ulong)now >> ClockShift;

    // The largest table entry the peer can take (536 when it named none or less).
    private static uint IndexFor(ushort peerMss)
    {
        uint index = 0;
        for (uint i = 1; i < s_mss.Length; i++)
        {
            if (s_mss[i] <= peerMss)
                index = i;
        }
        return index;
    }

    // The hash's top 28 bits, in the cookie's top 28 bits.
    private uint HashBits(IPv4Address local, ushort localPort, IPv4Address remote, ushort remotePort, uint peerIsn, ulong count, uint mssIndex)
    {
        ulong addresses = (ulong)local.Value << 32 | remote.Value;
        ulong portsAndSequence = (ulong)localPort << 48 | (ulong)remotePort << 32 | peerIsn;
        ulong hash = SipHash.Hash(_k0, _k1, addresses, portsAndSequence, count << 2 | mssIndex);
        return (uint)(hash >> 32) & ~0xFu;
    }
}
