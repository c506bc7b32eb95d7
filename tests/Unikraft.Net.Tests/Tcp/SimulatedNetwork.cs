using Uk.Net;
using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// Two TcpLayers joined by a simulated link under a simulated clock: every segment is copied
// and delivered after a random delay (so segments reorder), or dropped, duplicated or
// corrupted, all from a seeded generator so a failing seed replays exactly.
internal sealed class SimulatedNetwork
{
    public const long Millisecond = 1_000_000;

    private readonly Random _random;
    private readonly List<InFlight> _inFlight = new();
    private readonly Host[] _hosts = new Host[2];

    public SimulatedNetwork(int seed, double drop, double duplicate, double corrupt, long maxJitter, TcpOptions? options = null)
    {
        _random = new Random(seed);
        Drop = drop;
        Duplicate = duplicate;
        Corrupt = corrupt;
        MaxJitter = maxJitter;
        for (int i = 0; i < 2; i++)
        {
            var host = new Host(this, new IPv4Address(10, 0, 0, (byte)(i + 1)));
            TcpOptions hostOptions = options ?? new TcpOptions();
            hostOptions.Seed = (ulong)(seed * 2 + i + 1);
            host.Tcp = new TcpLayer(host, hostOptions);
            _hosts[i] = host;
        }
    }

    public double Drop { get; set; }

    public double Duplicate { get; set; }

    public double Corrupt { get; set; }

    public long MaxJitter { get; set; }

    // The delay every segment takes before its jitter (a round trip is twice this).
    public long MinDelay { get; set; } = Millisecond;

    public long Now { get; private set; }

    public static bool Trace => Environment.GetEnvironmentVariable("TCP_TRACE") == "1";

    public int Delivered { get; private set; }

    public int Dropped { get; private set; }

    public TcpLayer A => _hosts[0].Tcp;

    public TcpLayer B => _hosts[1].Tcp;

    public IPv4Address AddressA => _hosts[0].Address;

    public IPv4Address AddressB => _hosts[1].Address;

    // Advances to the next event (a delivery or a timer) and runs it; false when nothing at
    // all is pending.
    public bool Step()
    {
        long next = Math.Min(A.NextDeadline, B.NextDeadline);
        for (int i = 0; i < _inFlight.Count; i++)
            next = Math.Min(next, _inFlight[i].At);
        if (next == long.MaxValue)
            return false;
        Now = Math.Max(Now, next);
        for (int i = 0; i < _inFlight.Count;)
        {
            InFlight packet = _inFlight[i];
            if (packet.At <= Now)
            {
                _inFlight.RemoveAt(i);
                // A segment to an address neither host has (a stranger a test spoke for) is lost.
                Host? target = packet.Destination == AddressA ? _hosts[0] : packet.Destination == AddressB ? _hosts[1] : null;
                if (target is null)
                {
                    Dropped++;
                    continue;
                }
                Delivered++;
                if (Trace)
                    Console.WriteLine($"{Now / Millisecond,8} {packet.Source}->{packet.Destination} seq {Uk.Net.NetworkOrder.ReadUInt32(packet.Data.AsSpan(4))} ack {Uk.Net.NetworkOrder.ReadUInt32(packet.Data.AsSpan(8))} flags {packet.Data[13]:x2} win {Uk.Net.NetworkOrder.ReadUInt16(packet.Data.AsSpan(14))} len {packet.Data.Length - (packet.Data[12] >> 4) * 4}");
                target.Tcp.Receive(packet.Source, packet.Destination, packet.Data, false, Now);
            }
            else
                i++;
        }
        A.Tick(Now);
        B.Tick(Now);
        return true;
    }

    public void AdvanceTo(long time)
    {
        while (Now < time)
        {
            long next = Math.Min(A.NextDeadline, B.NextDeadline);
            for (int i = 0; i < _inFlight.Count; i++)
                next = Math.Min(next, _inFlight[i].At);
            if (next > time)
            {
                Now = time;
                return;
            }
            Step();
        }
    }

    private void Send(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> payload)
    {
        if (_random.NextDouble() < Drop)
        {
            Dropped++;
            return;
        }
        int copies = _random.NextDouble() < Duplicate ? 2 : 1;
        for (int c = 0; c < copies; c++)
        {
            byte[] data = payload.ToArray();
            if (_random.NextDouble() < Corrupt)
                data[_random.Next(data.Length)] ^= (byte)(1 << _random.Next(8));
            long at = Now + MinDelay + (MaxJitter > 0 ? _random.NextInt64(MaxJitter) : 0);
            _inFlight.Add(new InFlight(at, source, destination, data));
        }
    }

    private sealed record InFlight(long At, IPv4Address Source, IPv4Address Destination, byte[] Data);

    private sealed class Host(SimulatedNetwork network, IPv4Address address) : IIpSender
    {
        public IPv4Address Address { get; } = address;

        public TcpLayer Tcp { get; set; } = null!;

        public int MaxPayload => 1480;

        public IPv4Address LocalAddressFor(IPv4Address destination) => Address;

        public bool SendIp(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> payload)
        {
            network.Send(source, destination, payload);
            return true;
        }
    }
}
