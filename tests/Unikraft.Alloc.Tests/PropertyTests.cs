using CsCheck;

namespace Unikraft.Alloc.Tests;

// Random operation sequences against the model (AllocatorModel), for each allocator, over
// one to three regions of random size and alignment. CsCheck prints a seed to replay any
// failure and shrinks it to a small case.
public class PropertyTests
{
    // Mostly small blocks, some up to 64 KiB, a few large enough to exhaust a region.
    private static readonly Gen<int> Size = Gen.Frequency(
        (70, Gen.Int[1, 4096]),
        (22, Gen.Int[4097, 65536]),
        (5, Gen.Int[65537, 1 << 20]),
        (3, Gen.Int[0, 0]));

    private static readonly Gen<Op> Operation = Gen.Select(
        Gen.Frequency((35, Gen.Const(OpKind.Allocate)), (15, Gen.Const(OpKind.AllocateAligned)), (30, Gen.Const(OpKind.Free)), (20, Gen.Const(OpKind.Reallocate))),
        Size, Gen.Int[0, 8], Gen.Int[0, 1000],
        (kind, size, alignment, pick) => new Op(kind, size, alignment, pick));

    private static readonly Gen<(int Length, int Offset)> Region = Gen.Select(Gen.Int[64 << 10, 2 << 20], Gen.Int[0, 255]);

    private static readonly Gen<((int, int)[] Regions, Op[] Ops)> Case = Gen.Select(Region.Array[1, 3], Operation.Array[20, 300]);

    [Theory]
    [InlineData("buddy")]
    [InlineData("tlsf")]
    [InlineData("tlsf4")]
    [InlineData("tlsf16")]
    [InlineData("region")]
    public void RandomOperationsKeepEveryInvariant(string allocator)
    {
        AllocatorKind kind = AllocatorKind.ByName(allocator);
        Case.Sample(c =>
        {
            using var arena = new Arena(c.Regions);
            var model = new AllocatorModel(kind, arena);
            model.Run(c.Ops);
            model.FreeAll();
            model.CheckCoalesced();
        }, iter: 60, threads: 1, print: c => string.Join("; ", c.Regions) + " | " + string.Join(", ", c.Ops));
    }

    // Small regions and large requests: most requests fail, and failing must not corrupt.
    [Theory]
    [InlineData("buddy")]
    [InlineData("tlsf")]
    [InlineData("region")]
    public void FailuresUnderPressureCorruptNothing(string allocator)
    {
        AllocatorKind kind = AllocatorKind.ByName(allocator);
        var tight = Gen.Select(Gen.Int[4 << 10, 96 << 10], Gen.Int[0, 63]).Array[1, 2];
        Gen.Select(tight, Operation.Array[50, 200]).Sample(c =>
        {
            using var arena = new Arena(c.Item1);
            var model = new AllocatorModel(kind, arena);
            model.Run(c.Item2);
            model.FreeAll();
            model.CheckCoalesced();
        }, iter: 60, threads: 1);
    }
}
