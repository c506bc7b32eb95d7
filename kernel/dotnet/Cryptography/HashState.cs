using System;

namespace Uk.Dotnet.Cryptography;

// A hash computation in progress, as an EVP_MD_CTX holds one: data in, the hash out (which
// starts the computation over), and a copy for the hash so far.
internal abstract class HashState
{
    public abstract int HashSize { get; }

    public abstract void Append(ReadOnlySpan<byte> data);

    // Writes HashSize bytes (or, for an extendable-output function, destination.Length) and
    // starts over.
    public abstract void Finish(Span<byte> destination);

    public abstract void Reset();

    public abstract HashState Clone();
}
