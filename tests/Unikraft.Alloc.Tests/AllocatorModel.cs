using System.Globalization;
using Uk.Alloc;

namespace Unikraft.Alloc.Tests;

public enum OpKind { Allocate, AllocateAligned, Free, Reallocate }

public readonly record struct Op(OpKind Kind, int Size, int AlignmentLog2, int Pick)
{
    public override string ToString() => Kind + "(" + Size + (Kind == OpKind.AllocateAligned ? ", " + (16 << AlignmentLog2) : "") + ") #" + Pick;
}

// Runs operations against an allocator and a model of what must be true, checking after
// every step: blocks inside the regions, aligned, not overlapping, contents intact, and the
// statistics agreeing with the model's accounting.
public sealed unsafe class AllocatorModel
{
    private sealed class Live
    {
        public nuint Pointer;
        public nuint Size;
        public nuint Offset;
        public byte Seed;
    }

    private readonly AllocatorKind _kind;
    private readonly Arena _arena;
    private readonly List<Live> _live = new();
    private readonly ulong _total;
    private readonly nuint[] _highWater;
    private ulong _allocations, _frees, _failures, _peak, _lastFree;
    private byte _nextSeed = 1;

    public IAllocator Allocator { get; }

    public AllocatorModel(AllocatorKind kind, Arena arena)
    {
        _kind = kind;
        _arena = arena;
        Allocator = kind.Create();
        arena.AddTo(Allocator);
        _total = Allocator.Statistics.BytesFree;
        _lastFree = _total;
        _highWater = new nuint[arena.Regions.Count];
        Assert.Equal(0UL, Allocator.Statistics.BytesInUse);
        Assert.True(_total > 0);
    }

    public int LiveCount => _live.Count;

    public void Run(IEnumerable<Op> ops)
    {
        foreach (Op op in ops)
        {
            Step(op);
            CheckInvariants(op);
        }
    }

    public void Step(Op op)
    {
        nuint size = (nuint)op.Size;
        switch (op.Kind)
        {
            case OpKind.Allocate:
                Added(Allocator.Allocate(size), size, 16);
                break;
            case OpKind.AllocateAligned:
                nuint alignment = (nuint)16 << op.AlignmentLog2;
                Added(Allocator.AllocateAligned(size, alignment), size, alignment);
                break;
            case OpKind.Free:
                if (_live.Count == 0)
                {
                    Allocator.Free(null);
                    break;
                }
                FreeAt(op.Pick % _live.Count);
                break;
            case OpKind.Reallocate:
                if (_live.Count == 0 || op.Pick % 8 == 0)
                    Added(Allocator.Reallocate(null, size), size, 16);
                else if (op.Pick % 8 == 1 || size == 0)
                {
                    Live block = _live[op.Pick % _live.Count];
                    Verify(block);
                    Assert.True(Allocator.Reallocate((void*)block.Pointer, 0) == null, "Reallocate(p, 0) returns null");
                    _frees++;
                    _live.Remove(block);
                }
                else
                    Resize(_live[op.Pick % _live.Count], size);
                break;
        }
    }

    public void FreeAll()
    {
        while (_live.Count > 0)
        {
            FreeAt(_live.Count - 1);
            CheckInvariants(default);
        }
        Assert.Equal(0UL, Allocator.Statistics.BytesInUse);
        if (_kind.Reuses)
            Assert.Equal(_total, Allocator.Statistics.BytesFree);
    }

    // After FreeAll: the allocator hands its regions out again in (nearly) whole pieces.
    public void CheckCoalesced()
    {
        foreach (nuint request in _kind.WholeRegionRequests(_arena))
        {
            void* block = Allocator.Allocate(request);
            Assert.True(block != null, _kind + ": whole-region request of " + request + " bytes failed after freeing everything");
            _allocations++;
            Track(block, request, 16);
        }
        CheckInvariants(default);
    }

    private void FreeAt(int index)
    {
        Live block = _live[index];
        Verify(block);
        Allocator.Free((void*)block.Pointer);
        _frees++;
        _live.RemoveAt(index);
    }

    private void Added(void* pointer, nuint size, nuint offset)
    {
        if (pointer == null)
        {
            _failures++;
            return;
        }
        _allocations++;
        Track(pointer, size, offset);
    }

    // fresh: newly handed-out memory (not a block resized in place).
    private void Track(void* pointer, nuint size, nuint offset, bool fresh = true)
    {
        nuint p = (nuint)pointer;
        Assert.True(p % offset == 0, _kind + ": block " + p.ToString("X", CultureInfo.InvariantCulture) + " not aligned to " + offset);
        int region = _arena.RegionOf(p, size == 0 ? 1 : size);
        Assert.True(region >= 0, _kind + ": block " + p.ToString("X", CultureInfo.InvariantCulture) + "+" + size + " outside every region");
        if (!_kind.Reuses)
        {
            Assert.True(!fresh || p >= _highWater[region], _kind + ": memory reused at " + p.ToString("X", CultureInfo.InvariantCulture));
            _highWater[region] = Math.Max(_highWater[region], p + size);
        }
        var live = new Live { Pointer = p, Size = size, Offset = offset, Seed = _nextSeed++ };
        Fill(live);
        _live.Add(live);
    }

    private void Resize(Live block, nuint size)
    {
        Verify(block);
        void* result = Allocator.Reallocate((void*)block.Pointer, size);
        if (result == null)
        {
            // A failed resize leaves the block as it was.
            _failures++;
            Verify(block);
            return;
        }
        _allocations++;
        _frees++;
        nuint lost = FirstMismatch((byte*)result, Math.Min(block.Size, size), block.Seed);
        if (lost != nuint.MaxValue)
            Assert.Fail(_kind + ": contents lost in Reallocate at byte " + lost);
        _live.Remove(block);
        bool inPlace = (nuint)result == block.Pointer;
        Track(result, size, inPlace ? block.Offset : 16, fresh: !inPlace);
    }

    private void CheckInvariants(Op op)
    {
        AllocatorStatistics s = Allocator.Statistics;
        string where = _kind + " after " + op;
        Assert.True(_allocations == s.Allocations, where + ": Allocations " + s.Allocations + ", model " + _allocations);
        Assert.True(_frees == s.Frees, where + ": Frees " + s.Frees + ", model " + _frees);
        Assert.True(_failures == s.Failures, where + ": Failures " + s.Failures + ", model " + _failures);

        ulong min = 0, max = 0;
        foreach (Live block in _live)
        {
            (ulong lo, ulong hi) = _kind.Accounted(block.Size, block.Offset);
            min += lo;
            max += hi;
        }
        Assert.True(s.BytesInUse >= min && s.BytesInUse <= max, where + ": BytesInUse " + s.BytesInUse + " outside [" + min + ", " + max + "]");
        Assert.True(s.PeakBytesInUse >= s.BytesInUse && s.PeakBytesInUse >= _peak, where + ": PeakBytesInUse " + s.PeakBytesInUse);
        _peak = s.PeakBytesInUse;
        if (_kind.Reuses)
            Assert.True(s.BytesInUse + s.BytesFree == _total, where + ": BytesInUse + BytesFree " + (s.BytesInUse + s.BytesFree) + " != " + _total);
        else
            Assert.True(s.BytesFree <= _lastFree, where + ": BytesFree grew from " + _lastFree + " to " + s.BytesFree);
        _lastFree = s.BytesFree;

        // No two live blocks overlap; the ends of every block still hold their pattern.
        Live[] sorted = _live.OrderBy(b => b.Pointer).ToArray();
        for (int i = 1; i < sorted.Length; i++)
            Assert.True(sorted[i - 1].Pointer + Math.Max(sorted[i - 1].Size, 1) <= sorted[i].Pointer,
                where + ": blocks " + sorted[i - 1].Pointer.ToString("X", CultureInfo.InvariantCulture) + "+" + sorted[i - 1].Size + " and " + sorted[i].Pointer.ToString("X", CultureInfo.InvariantCulture) + " overlap");
        foreach (Live block in _live)
            VerifyEnds(block);
    }

    private static byte PatternByte(byte seed, nuint index) => (byte)(seed * 31 + (int)index * 7 + (int)(index >> 8));

    private static void Fill(Live block)
    {
        byte* p = (byte*)block.Pointer;
        for (nuint i = 0; i < block.Size; i++)
            p[i] = PatternByte(block.Seed, i);
    }

    private void Verify(Live block)
    {
        nuint bad = FirstMismatch((byte*)block.Pointer, block.Size, block.Seed);
        if (bad != nuint.MaxValue)
            Assert.Fail(_kind + ": block " + block.Pointer.ToString("X", CultureInfo.InvariantCulture) + " corrupted at byte " + bad);
    }

    // Index of the first byte not matching the block's pattern, or nuint.MaxValue.
    private static nuint FirstMismatch(byte* p, nuint length, byte seed)
    {
        for (nuint i = 0; i < length; i++)
            if (p[i] != PatternByte(seed, i))
                return i;
        return nuint.MaxValue;
    }

    private void VerifyEnds(Live block)
    {
        byte* p = (byte*)block.Pointer;
        nuint n = Math.Min(block.Size, 16);
        for (nuint i = 0; i < n; i++)
        {
            nuint j = block.Size - 1 - i;
            if (p[i] != PatternByte(block.Seed, i) || p[j] != PatternByte(block.Seed, j))
                Assert.Fail(_kind + ": block " + block.Pointer.ToString("X", CultureInfo.InvariantCulture) + " corrupted at its start or end");
        }
    }
}
