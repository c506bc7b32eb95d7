using System.Runtime.InteropServices;
using Uk.Alloc;

namespace Unikraft.Gc.Tests;

// An IAllocator over the host's native memory that counts what is outstanding, so tests can
// check that the collector gives blocks back. Fills new memory with a pattern: the collector
// must zero what it hands out.
internal sealed unsafe class NativeAllocator : IAllocator, IDisposable
{
    private readonly HashSet<nint> _outstanding = new();
    private readonly long _limit;
    private long _bytes;
    private readonly Dictionary<nint, nuint> _sizes = new();

    public NativeAllocator(long limit = long.MaxValue, bool supportsFree = true)
    {
        _limit = limit;
        SupportsFree = supportsFree;
    }

    public string Name => "native";

    public bool SupportsFree { get; }

    public int Outstanding => _outstanding.Count;

    public long OutstandingBytes => _bytes;

    public void AddRegion(void* start, nuint length)
    {
    }

    public void* Allocate(nuint size) => AllocateAligned(size, 16);

    public void* AllocateAligned(nuint size, nuint alignment)
    {
        if (_bytes + (long)size > _limit)
            return null;
        void* block = NativeMemory.AlignedAlloc(size, alignment);
        new Span<byte>(block, (int)size).Fill(0xA5);
        _outstanding.Add((nint)block);
        _sizes[(nint)block] = size;
        _bytes += (long)size;
        return block;
    }

    public void* Reallocate(void* block, nuint size) => throw new NotSupportedException();

    public void Free(void* block)
    {
        if (block == null)
            return;
        Assert.True(_outstanding.Remove((nint)block), "freed a block that was not allocated");
        _bytes -= (long)_sizes[(nint)block];
        _sizes.Remove((nint)block);
        NativeMemory.AlignedFree(block);
    }

    public AllocatorStatistics Statistics => default;

    public void Dispose()
    {
        foreach (nint block in _outstanding)
            NativeMemory.AlignedFree((void*)block);
        _outstanding.Clear();
    }
}
