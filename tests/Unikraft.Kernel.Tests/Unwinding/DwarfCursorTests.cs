using Internal.Runtime.Unwinding;

namespace Unikraft.Kernel.Tests.Unwinding;

// LEB128 numbers as the DWARF standard's own examples encode them.
public sealed unsafe class DwarfCursorTests
{
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
            Assert.Equal(encoded.Length, (int)(cursor.Position - bytes));
        }
    }
}
