using System.Runtime.InteropServices;
using Uk.Plat.PcX86_64;

namespace Unikraft.Kernel.Tests.FramebufferConsole;

// The platform's seam for fbcons: multiboot2's framebuffer info tag found among the boot
// information's tags and its fields read back (the layout of the Multiboot2 specification,
// 3.6.12, written out here independently).
public sealed unsafe class BootFramebufferTests
{
    [Fact]
    public void BootInformationWithoutTheTagHasNoFramebuffer()
    {
        Record(BootInformation([CommandLineTag("x")]));

        Assert.False(BootFramebuffer.Present);
    }

    [Fact]
    public void TheFramebufferTagIsFoundAmongTheOthersAndItsFieldsRead()
    {
        byte[] tag = FramebufferTag(address: 0x1_2000_0000, pitch: 4100, width: 1024, height: 768, bpp: 24, kind: 1,
            colours: [16, 8, 8, 8, 0, 8]);
        byte[] info = BootInformation([CommandLineTag("a b"), tag]);

        Record(info);

        Assert.True(BootFramebuffer.Present);
        Assert.Equal(0x1_2000_0000UL, BootFramebuffer.Address);
        Assert.Equal(4100u, BootFramebuffer.Pitch);
        Assert.Equal(1024u, BootFramebuffer.Width);
        Assert.Equal(768u, BootFramebuffer.Height);
        Assert.Equal(24, BootFramebuffer.BitsPerPixel);
        Assert.Equal((16, 8, 8, 8, 0, 8), (BootFramebuffer.RedShift, BootFramebuffer.RedBits, BootFramebuffer.GreenShift,
            BootFramebuffer.GreenBits, BootFramebuffer.BlueShift, BootFramebuffer.BlueBits));
    }

    [Theory]
    // An EGA text mode (kind 2), as GRUB reports VGA text under BIOS.
    [InlineData(2, 38)]
    // An indexed (palette) mode.
    [InlineData(0, 38)]
    // A tag cut short of its colour fields.
    [InlineData(1, 30)]
    public void ATextOrPaletteModeOrAShortTagIsNoFramebuffer(byte kind, int size)
    {
        byte[] tag = FramebufferTag(address: 0xFD00_0000, pitch: 160, width: 80, height: 25, bpp: 16, kind: kind, colours: [0, 0, 0, 0, 0, 0]);
        BitConverter.GetBytes((uint)size).CopyTo(tag, 4);
        Record(BootInformation([tag]));

        Assert.False(BootFramebuffer.Present);
    }

    private static void Record(byte[] info)
    {
        // The seam keeps the last tag recorded (kmain records one): start each case from a
        // tag of zeros, which is no framebuffer.
        byte[] none = new byte[40];
        none[4] = 38;
        fixed (byte* empty = none)
            BootFramebuffer.Record(empty);
        fixed (byte* start = info)
            BootFramebuffer.Record(new Multiboot2Info(start).FramebufferTag);
    }

    // type 8, size, address (8 bytes), pitch, width, height, bpp, kind, 2 reserved, then the
    // red, green and blue positions and sizes.
    private static byte[] FramebufferTag(ulong address, uint pitch, uint width, uint height, byte bpp, byte kind, byte[] colours)
    {
        var tag = new List<byte>();
        tag.AddRange(BitConverter.GetBytes(8u));
        tag.AddRange(BitConverter.GetBytes(38u));
        tag.AddRange(BitConverter.GetBytes(address));
        tag.AddRange(BitConverter.GetBytes(pitch));
        tag.AddRange(BitConverter.GetBytes(width));
        tag.AddRange(BitConverter.GetBytes(height));
        tag.Add(bpp);
        tag.Add(kind);
        tag.AddRange([0, 0]);
        tag.AddRange(colours);
        return tag.ToArray();
    }

    private static byte[] CommandLineTag(string text)
    {
        var tag = new List<byte>();
        tag.AddRange(BitConverter.GetBytes(1u));
        tag.AddRange(BitConverter.GetBytes((uint)(8 + text.Length + 1)));
        tag.AddRange(System.Text.Encoding.ASCII.GetBytes(text));
        tag.Add(0);
        return tag.ToArray();
    }

    // total size, reserved, the tags each padded to 8 bytes, the end tag.
    private static byte[] BootInformation(byte[][] tags)
    {
        var info = new List<byte>(new byte[8]);
        foreach (byte[] tag in tags)
        {
            info.AddRange(tag);
            while (info.Count % 8 != 0)
                info.Add(0);
        }
        info.AddRange(BitConverter.GetBytes(0u));
        info.AddRange(BitConverter.GetBytes(8u));
        byte[] bytes = info.ToArray();
        BitConverter.GetBytes((uint)bytes.Length).CopyTo(bytes, 0);
        return bytes;
    }
}
