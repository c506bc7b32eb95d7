using System.Globalization;
using Internal.Runtime.Unwinding;

namespace Unikraft.Kernel.Tests.Unwinding;

// The .eh_frame_hdr search table and the FDEs of a real ILC-built, ld-linked image.
[Collection(LinkedImageCollection.Name)]
public sealed unsafe class FrameTableTests(LinkedImage image)
{
    private FrameTable Table => new FrameTable(image.Host(image.Symbols["__eh_frame_hdr_start"]));

    // Except ILC's delegate constructor thunks, which only jump on and so never appear in a
    // walk.
    [Fact]
    public void EveryCompiledFunctionHasAnFdeStartingAtItsFirstInstruction()
    {
        FrameTable table = Table;
        var missing = new List<string>();
        var thunks = image.Symbols.Where(symbol => symbol.Key.StartsWith("__DelegateCtor_", StringComparison.Ordinal)).Select(symbol => symbol.Value).ToHashSet();
        foreach (ulong start in image.FunctionStarts.Where(start => !thunks.Contains(start)))
        {
            if (!table.TryFind((ulong)image.Host(start), out FrameDescription frame) || image.Guest(frame.CodeStart) != start)
                missing.Add("0x" + start.ToString("X", CultureInfo.InvariantCulture));
        }
        Assert.True(image.FunctionStarts.Count > 300, "too few functions: " + image.FunctionStarts.Count);
        Assert.True(table.Count >= image.FunctionStarts.Count, "the table has " + table.Count + " entries");
        Assert.Empty(missing);
    }

    [Fact]
    public void APcInsideAFunctionFindsThatFunctionAndCodeOutsideFindsNothing()
    {
        FrameTable table = Table;
        ulong classify = image.Symbols["exceptions_coop_ExceptionTests_ManagedThrows__Classify"];
        Assert.True(table.TryFind((ulong)image.Host(classify + 5), out FrameDescription frame));
        Assert.Equal(classify, image.Guest(frame.CodeStart));
        Assert.True(frame.Lsda != null);
        // The boot stubs come before all managed code and have no unwind information.
        Assert.False(table.TryFind((ulong)image.Host(image.Symbols["__image_start"] + 0x20), out _));
    }
}
