using Internal.Runtime.Unwinding;

namespace Unikraft.Kernel.Tests.Unwinding;

// The .eh_frame_hdr search table and the FDEs of a real ILC-built, ld-linked image.
[Collection(LinkedImageCollection.Name)]
public sealed unsafe class FrameTableTests(LinkedImage image)
{
    private FrameTable Table => new FrameTable(image.Host(image.Symbols["__eh_frame_hdr_start"]));

    [Fact]
    public void EveryCompiledFunctionHasAnFdeStartingAtItsFirstInstruction()
    {
        FrameTable table = Table;
        var missing = new List<string>();
        foreach (ulong start in image.FunctionStarts)
        {
            if (!table.TryFind((ulong)image.Host(start), out FrameDescription frame) || image.Guest(frame.CodeStart) != start)
                missing.Add("0x" + start.ToString("X"));
        }
        Assert.True(image.FunctionStarts.Count > 500, "too few functions: " + image.FunctionStarts.Count);
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

    [Theory]
    [InlineData(new byte[] { 0x02 }, 2UL)]
    [InlineData(new byte[] { 0x7F }, 127UL)]
    [InlineData(new byte[] { 0x80, 0x01 }, 128UL)]
    [InlineData(new byte[] { 0xE5, 0x8E, 0x26 }, 624485UL)]
    public void UnsignedLeb128(byte[] encoded, ulong expected)
    {
        fixed (byte* bytes = encoded)
        {
            var cursor = new DwarfCursor(bytes);
            Assert.Equal(expected, cursor.ReadUleb128());
            Assert.Equal(encoded.Length, (int)(cursor.Position - bytes));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x02 }, 2L)]
    [InlineData(new byte[] { 0x7E }, -2L)]
    [InlineData(new byte[] { 0xFF, 0x00 }, 127L)]
    [InlineData(new byte[] { 0x81, 0x7F }, -127L)]
    [InlineData(new byte[] { 0xC0, 0xBB, 0x78 }, -123456L)]
    public void SignedLeb128(byte[] encoded, long expected)
    {
        fixed (byte* bytes = encoded)
        {
            var cursor = new DwarfCursor(bytes);
            Assert.Equal(expected, cursor.ReadSleb128());
        }
    }
}
