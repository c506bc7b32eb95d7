using System;

namespace Uk.Core;

// The kernel's random numbers: a ChaCha20 generator (fast key erasure) seeded at boot from
// whatever the machine offers, the sources named in the boot log: the platform's hardware
// generators (RDSEED, RDRAND on x86) and, always, timing jitter of the time-stamp counter and
// the clocks. Protocols that must not be guessed (TCP initial sequence numbers, ephemeral
// ports, DNS ids, DHCP transaction ids) draw from it. Every call runs with interrupts off,
// so threads and interrupt handlers can share it.
public static unsafe class Entropy
{
    private const int HardwareWords = 8;
    private const int JitterSamples = 2048;

    private static ChaCha20Generator? s_generator;
    private static delegate*<ulong*, bool> s_seedSource;
    private static delegate*<ulong*, bool> s_randomSource;
    private static string s_seedSourceName = "";
    private static string s_randomSourceName = "";

    // Where the seed came from, as logged (empty before seeding).
    public static string Sources { get; private set; } = "";

    public static bool IsSeeded => s_generator is not null;

    // The platform's generators: seed gives full-entropy words (RDSEED), random words from a
    // hardware DRBG (RDRAND); each returns false when it has none to give. Either may be null.
    public static void SetHardwareSources(delegate*<ulong*, bool> seed, string seedName, delegate*<ulong*, bool> random, string randomName)
    {
        s_seedSource = seed;
        s_seedSourceName = seedName;
        s_randomSource = random;
        s_randomSourceName = randomName;
    }

    // Gathers a seed and (re)keys the generator, logging the sources. The kernel calls it once
    // the platform and its clocks are up; the first use seeds if nothing did before.
    public static void Seed()
    {
        var pool = new EntropyPool();
        int seeds = Gather(pool, s_seedSource);
        int randoms = Gather(pool, s_randomSource);
        GatherJitter(pool);
        pool.Add((ulong)Clock.UnixNanoseconds);
        pool.Add((ulong)Clock.Monotonic);
        Span<uint> key = stackalloc uint[ChaCha20.KeyWords];
        pool.Extract(key);
        string sources = Describe(s_seedSource != null, s_seedSourceName, seeds) + Describe(s_randomSource != null, s_randomSourceName, randoms)
            + "tsc jitter (" + JitterSamples.ToString() + " samples), clocks";
        ulong flags = Plat.DisableInterrupts();
        if (s_generator is null)
            s_generator = new ChaCha20Generator(key);
        else
            s_generator.Rekey(key);
        Sources = sources;
        Plat.RestoreInterrupts(flags);
        key.Clear();
        Log.Info("random: chacha20 seeded from " + sources);
    }

    // Seed material from a device that serves it (virtio-rng) once drivers are up: mixed with
    // the generator's own output into a new key, so the device can only add unpredictability.
    public static void AddDeviceSeed(ReadOnlySpan<byte> seed, string source)
    {
        ChaCha20Generator generator = Generator();
        var pool = new EntropyPool();
        for (int i = 0; i + 8 <= seed.Length; i += 8)
        {
            ulong word = 0;
            for (int b = 7; b >= 0; b--)
                word = (word << 8) | seed[i + b];
            pool.Add(word);
        }
        ulong flags = Plat.DisableInterrupts();
        for (int i = 0; i < 4; i++)
            pool.Add(generator.NextUInt64());
        Span<uint> key = stackalloc uint[ChaCha20.KeyWords];
        pool.Extract(key);
        generator.Rekey(key);
        Sources += ", " + source + " (" + ((seed.Length / 8) * 64).ToString() + " bits)";
        Plat.RestoreInterrupts(flags);
        key.Clear();
        Log.Info("random: reseeded with " + seed.Length.ToString() + " bytes from " + source);
    }

    public static ulong NextUInt64()
    {
        ChaCha20Generator generator = Generator();
        ulong flags = Plat.DisableInterrupts();
        ulong value = generator.NextUInt64();
        Plat.RestoreInterrupts(flags);
        return value;
    }

    public static uint NextUInt32() => (uint)NextUInt64();

    public static void Fill(Span<byte> destination)
    {
        ChaCha20Generator generator = Generator();
        ulong flags = Plat.DisableInterrupts();
        generator.Fill(destination);
        Plat.RestoreInterrupts(flags);
    }

    // 256 bits for a generator of its own (a protocol's keyed hash, a library's generator).
    public static void FillKey(Span<uint> key)
    {
        ChaCha20Generator generator = Generator();
        ulong flags = Plat.DisableInterrupts();
        for (int i = 0; i < key.Length; i++)
            key[i] = generator.NextUInt32();
        Plat.RestoreInterrupts(flags);
    }

    private static ChaCha20Generator Generator()
    {
        if (s_generator is null)
            Seed();
        return s_generator!;
    }

    // Words from a hardware source (none if it is absent or keeps failing).
    private static int Gather(EntropyPool pool, delegate*<ulong*, bool> source)
    {
        if (source == null)
            return 0;
        int words = 0;
        ulong value;
        for (int i = 0; i < HardwareWords; i++)
        {
            if (!source(&value))
                continue;
            pool.Add(value);
            words++;
        }
        return words;
    }

    // The time-stamp counter around a little work whose length depends on caches, interrupts
    // and, under emulation, the host: the low bits of each duration are hard to predict. No
    // entropy is claimed for them; they matter when there is no hardware source.
    private static void GatherJitter(EntropyPool pool)
    {
        ulong previous = Plat.ReadTimestampCounter();
        uint work = (uint)previous;
        for (int i = 0; i < JitterSamples; i++)
        {
            int rounds = 8 + (int)(previous & 15);
            for (int k = 0; k < rounds; k++)
                work = work * 1664525 + 1013904223 + (uint)k;
            ulong now = Plat.ReadTimestampCounter();
            pool.Add((now - previous) ^ ((ulong)work << 32));
            previous = now;
        }
    }

    private static string Describe(bool present, string name, int words) =>
        !present ? "" : name + " (" + (words * 64).ToString() + " bits), ";
}
