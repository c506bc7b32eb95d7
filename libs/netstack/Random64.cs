namespace Uk.Net;

// xorshift64*: cheap unpredictable-enough numbers for identifications, ports and ids (not
// cryptographic; nothing here needs that).
public sealed class Random64
{
    private ulong _state;

    public Random64(ulong seed) => _state = seed == 0 ? 0x2545F4914F6CDD1DUL : seed;

    public ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    public uint NextUInt32() => (uint)(Next() >> 32);

    public ushort NextUInt16() => (ushort)(Next() >> 48);
}
