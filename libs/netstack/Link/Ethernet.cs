using System;
using Uk.NetDev;

namespace Uk.Net;

// The Ethernet II header: destination, source, EtherType.
public static class Ethernet
{
    public const int HeaderLength = 14;
    public const ushort TypeIPv4 = 0x0800;
    public const ushort TypeArp = 0x0806;

    public static void WriteHeader(Span<byte> frame, MacAddress destination, MacAddress source, ushort type)
    {
        destination.Write(frame);
        source.Write(frame.Slice(6));
        NetworkOrder.WriteUInt16(frame.Slice(12), type);
    }
}
