using System;

namespace Uk.Core;

// Gathers seed material of unknown quality (hardware random words, timing jitter, clocks)
// into 256 bits: a sponge over the ChaCha20 permutation, each 64-bit sample XORed into the
// 256-bit rate and the state permuted every four. What comes out is as unpredictable as all
// that went in together; a weak source cannot spoil a strong one. Pure code.
public sealed class EntropyPool
{
    private const int RateWords = 8;

    private readonly uint[] _state = new uint[16];
    private readonly uint[] _permuted = new uint[16];
    private int _position;

    public EntropyPool()
    {
        _state[0] = ChaCha20.Sigma0;
        _state[1] = ChaCha20.Sigma1;
        _state[2] = ChaCha20.Sigma2;
        _state[3] = ChaCha20.Sigma3;
    }

    // Samples taken so far.
    public int Samples { get; private set; }

    public void Add(ulong sample)
    {
        _state[4 + _position] ^= (uint)sample;
        _state[5 + _position] ^= (uint)(sample >> 32);
        _position += 2;
        Samples++;
        if (_position == RateWords)
            Permute();
    }

    // The 256-bit seed; the pool carries on (more samples can follow and give another).
    public void Extract(Span<uint> key)
    {
        // Marks the end, so "samples" and "samples then 0" give different seeds.
        _state[4 + _position] ^= 0x80;
        Permute();
        Permute();
        for (int i = 0; i < RateWords; i++)
            key[i] = _state[4 + i];
        // What was handed out does not stay in the pool.
        Permute();
    }

    private void Permute()
    {
        ChaCha20.Block(_state, _permuted);
        for (int i = 0; i < 16; i++)
            _state[i] = _permuted[i];
        _position = 0;
    }
}
