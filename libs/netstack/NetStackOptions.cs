namespace Uk.Net;

// Sizes, limits and timers of one NetStack. Every buffer they size is allocated when the
// stack is built (or once, on first use), never per packet. Times are nanoseconds.
public sealed class NetStackOptions
{
    public const long Millisecond = 1_000_000;
    public const long Second = 1_000_000_000;

    public int ArpCacheSize = 64;
    public long ArpEntryLifetime = 120 * Second;
    public long ArpRetryInterval = 1 * Second;
    public int ArpRetries = 3;
    // Datagrams held (whole frames) while their next hop's address is being resolved.
    public int ArpQueue = 16;

    public int ReassemblySlots = 4;
    // Largest datagram reassembled; each slot's buffer is this big.
    public int ReassemblyMaxBytes = 16384;
    public int ReassemblyMaxFragments = 64;
    public long ReassemblyTimeout = 10 * Second;

    public int DefaultTtl = 64;

    // Datagrams to 127.0.0.0/8 or the host's own address waiting for the next Tick.
    public int LoopbackQueue = 64;

    // ICMP destination-unreachable replies per second (token bucket).
    public int IcmpErrorsPerSecond = 10;

    public int UdpQueueBytes = 16384;
    public int UdpQueueDatagrams = 64;
    public int UdpMaxEndpoints = 64;

    // Seeds identification numbers, ephemeral ports, DHCP xids and DNS ids; the guest passes
    // the clock so reboots differ.
    public ulong Seed = 0x9E3779B97F4A7C15UL;

    // 8 words (256 bits) that key the stack's generator instead of Seed: the guest takes
    // them from the kernel's entropy.
    public uint[]? Key;
}
