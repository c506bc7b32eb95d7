using System;
using Uk.Core;

namespace Uk.Net;

// The stack's random numbers (identifications, ports, DNS ids, DHCP transaction ids, keys of
// TCP's sequence-number hash): a ChaCha20 generator, keyed from the kernel's entropy in the
// guest and from a plain seed in tests and simulations (the same seed, the same numbers).
public sealed class Random64
{
    private readonly ChaCha20Generator _generator;

    public Random64(ulong seed) => _generator = ChaCha20Generator.FromSeed(seed);

    // key: 8 words (256 bits).
    public Random64(ReadOnlySpan<uint> key) => _generator = new ChaCha20Generator(key);

    public ulong Next() => _generator.NextUInt64();

    public uint NextUInt32() => _generator.NextUInt32();

    public ushort NextUInt16() => _generator.NextUInt16();
}
