using System.Runtime.InteropServices;

namespace Unikraft.Alloc.Tests;

// Host buffers standing in for the guest's free memory regions. Each region starts at the
// given offset into a page-aligned buffer, so regions of any alignment can be tested.
public sealed unsafe class Arena : IDisposable
{
    private readonly List<nint> _buffers = new();

    public List<(nuint Start, nuint Length)> Regions { get; } = new();

    public Arena(params (int Length, int Offset)[] regions)
    {
        foreach ((int length, int offset) in regions)
            Add((nuint)length, (nuint)offset, 4096);
    }

    public static Arena Single(int length) => new((length, 0));

    public (nuint Start, nuint Length) Add(nuint length, nuint offset, nuint bufferAlignment)
    {
        void* buffer = NativeMemory.AlignedAlloc(length + offset, bufferAlignment);
        _buffers.Add((nint)buffer);
        (nuint, nuint) region = ((nuint)buffer + offset, length);
        Regions.Add(region);
        return region;
    }

    public void AddTo(Uk.Alloc.IAllocator allocator)
    {
        foreach ((nuint start, nuint length) in Regions)
            allocator.AddRegion((void*)start, length);
    }

    public int RegionOf(nuint pointer, nuint size)
    {
        for (int i = 0; i < Regions.Count; i++)
        {
            (nuint start, nuint length) = Regions[i];
            if (pointer >= start && pointer + size <= start + length && pointer + size >= pointer)
                return i;
        }
        return -1;
    }

    public void Dispose()
    {
        foreach (nint buffer in _buffers)
            NativeMemory.AlignedFree((void*)buffer);
        _buffers.Clear();
    }
}
