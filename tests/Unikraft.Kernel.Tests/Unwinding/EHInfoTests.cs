using Internal.Runtime.Exceptions;
using Internal.Runtime.Unwinding;

namespace Unikraft.Kernel.Tests.Unwinding;

// ILC's unwind blocks and EH clauses of known methods of tests/apps/shared/exceptions.
[Collection(LinkedImageCollection.Name)]
public sealed unsafe class EHInfoTests(LinkedImage image)
{
    private const string Prefix = "exceptions_coop_ExceptionTests_ManagedThrows__";

    private FrameTable Table => new FrameTable(image.Host(image.Symbols["__eh_frame_hdr_start"]));

    private (UnwindBlock Block, List<EHClause> Clauses) MethodAt(ulong guestAddress)
    {
        Assert.True(Table.TryFind((ulong)image.Host(guestAddress), out FrameDescription frame));
        UnwindBlock block = UnwindBlock.Read(frame.Lsda, frame.CodeStart);
        var clauses = new List<EHClause>();
        var reader = new EHClauseReader(block.EHInfo);
        while (reader.TryNext(out EHClause clause))
            clauses.Add(clause);
        return (block, clauses);
    }

    private UnwindBlock FuncletAt(ulong hostAddress)
    {
        Assert.True(Table.TryFind(hostAddress, out FrameDescription frame));
        Assert.Equal(hostAddress, frame.CodeStart);
        return UnwindBlock.Read(frame.Lsda, frame.CodeStart);
    }

    [Fact]
    public void TypedCatchesOfOneTryNameTheirTypesInSourceOrder()
    {
        ulong start = image.Symbols[Prefix + "Classify"];
        (UnwindBlock block, List<EHClause> clauses) = MethodAt(start);

        Assert.False(block.IsFunclet);
        Assert.Equal(start, image.Guest(block.MethodStart));
        Assert.Equal(3, clauses.Count);
        Assert.All(clauses, clause => Assert.Equal(EHClauseKind.Typed, clause.Kind));
        Assert.All(clauses, clause => Assert.True(clause.SameTryAs(clauses[0]) && clause.TryEnd > clause.TryStart));
        Assert.Equal(image.Symbols["_ZTV41corlib_System_ArgumentOutOfRangeException"], image.Guest(clauses[0].Type));
        Assert.Equal(image.Symbols["_ZTV31corlib_System_ArgumentException"], image.Guest(clauses[1].Type));
        Assert.Equal(image.Symbols["_ZTV39corlib_System_InvalidOperationException"], image.Guest(clauses[2].Type));
        // Each handler is a funclet whose unwind block leads back to the same method and clauses.
        foreach (EHClause clause in clauses)
        {
            UnwindBlock handler = FuncletAt(block.MethodStart + clause.HandlerOffset);
            Assert.True(handler.IsFunclet && !handler.IsFilter);
            Assert.Equal(block.MethodStart, handler.MethodStart);
            Assert.True(handler.EHInfo == block.EHInfo);
        }
    }

    [Fact]
    public void FilterClausesPointAtFilterFunclets()
    {
        (UnwindBlock block, List<EHClause> clauses) = MethodAt(image.Symbols[Prefix + "FilterRunsBeforeInnerFinally"]);

        Assert.Equal(2, clauses.Count(clause => clause.Kind == EHClauseKind.Filter));
        foreach (EHClause clause in clauses.Where(clause => clause.Kind == EHClauseKind.Filter))
        {
            Assert.True(FuncletAt(block.MethodStart + clause.FilterOffset).IsFilter);
            Assert.False(FuncletAt(block.MethodStart + clause.HandlerOffset).IsFilter);
        }
    }

    [Fact]
    public void FinallyBlocksAreFaultClausesInnermostFirst()
    {
        (UnwindBlock block, List<EHClause> clauses) = MethodAt(image.Symbols[Prefix + "Nested"]);

        Assert.Equal(2, clauses.Count);
        Assert.All(clauses, clause => Assert.Equal(EHClauseKind.Fault, clause.Kind));
        // The inner try lies within the outer one.
        Assert.True(clauses[1].TryStart <= clauses[0].TryStart && clauses[0].TryEnd <= clauses[1].TryEnd);
        Assert.True(FuncletAt(block.MethodStart + clauses[0].HandlerOffset).IsFunclet);
    }

    [Fact]
    public void AClauseWalkFromARunningCatchSkipsItsSiblings()
    {
        (UnwindBlock block, List<EHClause> clauses) = MethodAt(image.Symbols[Prefix + "Classify"]);
        uint insideTry = clauses[0].TryStart;

        var all = new ClauseWalk(block.EHInfo, -1, insideTry);
        int found = 0;
        while (all.TryNext(out _, out _))
            found++;
        var fromFirstCatch = new ClauseWalk(block.EHInfo, 0, insideTry);

        Assert.Equal(3, found);
        Assert.False(fromFirstCatch.TryNext(out _, out _));
        Assert.False(new ClauseWalk(block.EHInfo, -1, clauses[0].TryEnd).TryNext(out _, out _));
    }

    [Theory]
    [InlineData(new byte[] { 0xE2 }, 113u)]
    [InlineData(new byte[] { 0x15, 0x02 }, 133u)]
    [InlineData(new byte[] { 0x03, 0x71, 0x02 }, 20_000u)]
    [InlineData(new byte[] { 0x0F, 0x78, 0x56, 0x34, 0x12 }, 0x1234_5678u)]
    public void CompressedNumbers(byte[] encoded, uint expected)
    {
        fixed (byte* bytes = encoded)
        {
            byte* position = bytes;
            Assert.Equal(expected, EHClauseReader.ReadCompressed(ref position));
            Assert.Equal(encoded.Length, (int)(position - bytes));
        }
    }
}
