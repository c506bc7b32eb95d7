using System;

namespace Uk.Net;

public enum DnsAnswer
{
    Address,       // an A record was found
    NameError,     // NXDOMAIN, or no A record in an answer
    ServerFailure, // any other response code
    Malformed,
}

// Builds A queries and reads their responses (RFC 1035). Names in responses may use
// compression pointers; following them is bounded (MaxJumps, MaxNameLength) so a pointer loop
// or a pointer past the end is a malformed message, never a hang or an exception.
public static class DnsMessage
{
    public const int HeaderLength = 12;
    public const int MaxNameLength = 255;
    public const int MaxJumps = 16;
    public const ushort TypeA = 1;
    public const ushort ClassIn = 1;

    // Query for name's A record into buffer; 0 when name is not a valid host name or the
    // buffer is too small.
    public static int WriteQuery(Span<byte> buffer, ushort id, ReadOnlySpan<char> name)
    {
        if (name.Length > 0 && name[name.Length - 1] == '.')
            name = name.Slice(0, name.Length - 1);
        if (name.Length == 0 || name.Length > 253 || buffer.Length < HeaderLength + name.Length + 2 + 4)
            return 0;
        buffer.Slice(0, HeaderLength).Clear();
        NetworkOrder.WriteUInt16(buffer, id);
        buffer[2] = 0x01; // recursion desired
        NetworkOrder.WriteUInt16(buffer.Slice(4), 1);
        int at = HeaderLength;
        int labelStart = 0;
        for (int i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && name[i] != '.')
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok)
                    return 0;
                continue;
            }
            int length = i - labelStart;
            if (length == 0 || length > 63)
                return 0;
            buffer[at++] = (byte)length;
            for (int k = labelStart; k < i; k++)
                buffer[at++] = (byte)name[k];
            labelStart = i + 1;
        }
        buffer[at++] = 0;
        NetworkOrder.WriteUInt16(buffer.Slice(at), TypeA);
        NetworkOrder.WriteUInt16(buffer.Slice(at + 2), ClassIn);
        return at + 4;
    }

    public static bool TryReadId(ReadOnlySpan<byte> message, out ushort id)
    {
        id = message.Length >= HeaderLength ? NetworkOrder.ReadUInt16(message) : (ushort)0;
        return message.Length >= HeaderLength;
    }

    // Reads the response to a query for name: its first A record (following a CNAME chain is
    // the server's job; its A records come in the same answer).
    public static DnsAnswer ReadResponse(ReadOnlySpan<byte> message, ReadOnlySpan<char> name, out IPv4Address address, out uint ttl)
    {
        address = default;
        ttl = 0;
        if (message.Length < HeaderLength)
            return DnsAnswer.Malformed;
        byte flags = message[2];
        if ((flags & 0x80) == 0 || ((flags >> 3) & 0xF) != 0)
            return DnsAnswer.Malformed; // not a response to a standard query
        if ((flags & 0x02) != 0)
            return DnsAnswer.ServerFailure; // truncated: no TCP fallback here
        int rcode = message[3] & 0xF;
        int questions = NetworkOrder.ReadUInt16(message.Slice(4));
        int answers = NetworkOrder.ReadUInt16(message.Slice(6));
        if (questions != 1)
            return DnsAnswer.Malformed;
        Span<char> text = stackalloc char[MaxNameLength];
        int at = HeaderLength;
        if (!ReadName(message, ref at, text, out int textLength) || at + 4 > message.Length)
            return DnsAnswer.Malformed;
        if (!SameName(text.Slice(0, textLength), name) || NetworkOrder.ReadUInt16(message.Slice(at)) != TypeA)
            return DnsAnswer.Malformed;
        at += 4;
        if (rcode == 3)
            return DnsAnswer.NameError;
        if (rcode != 0)
            return DnsAnswer.ServerFailure;
        for (int i = 0; i < answers; i++)
        {
            if (!ReadName(message, ref at, text, out _) || at + 10 > message.Length)
                return DnsAnswer.Malformed;
            ushort type = NetworkOrder.ReadUInt16(message.Slice(at));
            ushort klass = NetworkOrder.ReadUInt16(message.Slice(at + 2));
            uint recordTtl = NetworkOrder.ReadUInt32(message.Slice(at + 4));
            int length = NetworkOrder.ReadUInt16(message.Slice(at + 8));
            at += 10;
            if (length > message.Length - at)
                return DnsAnswer.Malformed;
            if (type == TypeA && klass == ClassIn && length == 4)
            {
                address = IPv4Address.Read(message.Slice(at));
                // A TTL with the top bit set is treated as zero (RFC 2181).
                ttl = recordTtl > 0x7FFF_FFFF ? 0 : recordTtl;
                return DnsAnswer.Address;
            }
            at += length;
        }
        return DnsAnswer.NameError;
    }

    // Decodes the (possibly compressed) name at offset into text as dotted labels; offset moves
    // past the name where it is stored (not where its pointers lead).
    public static bool ReadName(ReadOnlySpan<byte> message, ref int offset, Span<char> text, out int textLength)
    {
        textLength = 0;
        int at = offset;
        int jumps = 0;
        int encoded = 0;
        bool jumped = false;
        while (true)
        {
            if (at >= message.Length)
                return false;
            int length = message[at];
            if ((length & 0xC0) == 0xC0)
            {
                if (at + 1 >= message.Length || ++jumps > MaxJumps)
                    return false;
                int target = (length & 0x3F) << 8 | message[at + 1];
                if (!jumped)
                    offset = at + 2;
                jumped = true;
                at = target;
                continue;
            }
            if ((length & 0xC0) != 0)
                return false; // the reserved label types
            at++;
            if (length == 0)
                break;
            encoded += length + 1;
            if (encoded > MaxNameLength || at + length > message.Length)
                return false;
            if (textLength > 0)
            {
                if (textLength >= text.Length)
                    return false;
                text[textLength++] = '.';
            }
            if (textLength + length > text.Length)
                return false;
            for (int i = 0; i < length; i++)
                text[textLength++] = (char)message[at + i];
            at += length;
        }
        if (!jumped)
            offset = at;
        return true;
    }

    // ASCII case-insensitive, a trailing dot on either side ignored.
    public static bool SameName(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > 0 && a[a.Length - 1] == '.')
            a = a.Slice(0, a.Length - 1);
        if (b.Length > 0 && b[b.Length - 1] == '.')
            b = b.Slice(0, b.Length - 1);
        if (a.Length != b.Length)
            return false;
        for (int i = 0; i < a.Length; i++)
        {
            char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] + 32) : a[i];
            char y = b[i] >= 'A' && b[i] <= 'Z' ? (char)(b[i] + 32) : b[i];
            if (x != y)
                return false;
        }
        return true;
    }
}
