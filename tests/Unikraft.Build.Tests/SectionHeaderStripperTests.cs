using System.Buffers.Binary;
using Unikraft.Build.Elf;

namespace Unikraft.Build.Tests;

public sealed class SectionHeaderStripperTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("uk-strip-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // A linked executable as ld lays it out: header, two program headers, two segments (the
    // second ends the loaded bytes), then section names and the section header table.
    private static byte[] Executable(ushort type = 2)
    {
        var file = new byte[400];
        file[0] = 0x7F; file[1] = (byte)'E'; file[2] = (byte)'L'; file[3] = (byte)'F';
        file[4] = 2; file[5] = 1; file[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(16), type);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(18), 62);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(0x20), 64);   // e_phoff
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(0x28), 272);  // e_shoff
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x36), 56);   // e_phentsize
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x38), 2);    // e_phnum
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3A), 64);   // e_shentsize
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3C), 2);    // e_shnum
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3E), 1);    // e_shstrndx
        Segment(file, 0, offset: 176, size: 40);
        Segment(file, 1, offset: 216, size: 32);
        for (int i = 176; i < 248; i++)
            file[i] = (byte)i;
        return file;
    }

    private static void Segment(byte[] file, int index, ulong offset, ulong size)
    {
        var header = file.AsSpan(64 + index * 56, 56);
        BinaryPrimitives.WriteUInt32LittleEndian(header, 1); // PT_LOAD
        BinaryPrimitives.WriteUInt64LittleEndian(header.Slice(8), offset);
        BinaryPrimitives.WriteUInt64LittleEndian(header.Slice(32), size);
    }

    [Fact]
    public void TheFileEndsWithItsLastSegmentAndCountsNoSections()
    {
        byte[] original = Executable();

        byte[] stripped = SectionHeaderStripper.Strip(original);

        Assert.Equal(248, stripped.Length);
        Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(stripped.AsSpan(0x28)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(stripped.AsSpan(0x3A)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(stripped.AsSpan(0x3C)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(stripped.AsSpan(0x3E)));
        // Program headers and segment bytes are untouched.
        Assert.Equal(original.AsSpan(0x20, 8).ToArray(), stripped.AsSpan(0x20, 8).ToArray());
        Assert.Equal(original.AsSpan(64, 248 - 64).ToArray(), stripped.AsSpan(64).ToArray());
    }

    [Fact]
    public void ARelocatableObjectIsRefused()
    {
        var error = Assert.Throws<ElfFormatException>(() => SectionHeaderStripper.Strip(Executable(type: 1)));
        Assert.Contains("ET_EXEC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASegmentPastTheEndOfTheFileIsRefused()
    {
        byte[] file = Executable();
        Segment(file, 1, offset: 216, size: 4096);

        var error = Assert.Throws<ElfFormatException>(() => SectionHeaderStripper.Strip(file));
        Assert.Contains("program header 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommandWritesTheStrippedImageAndNamesABadFile()
    {
        string elf = Path.Combine(_directory, "image.elf");
        File.WriteAllBytes(elf, Executable());
        string bootable = Path.Combine(_directory, "boot.elf");
        string text = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(text, "not an image");
        string nothing = Path.Combine(_directory, "nothing.elf");

        int stripped = Run(out string stdout, out _, "strip-sections", "--elf", elf, "--out", bootable);
        int refused = Run(out _, out string stderr, "strip-sections", "--elf", text, "--out", nothing);

        Assert.Equal(0, stripped);
        Assert.Equal(400, new FileInfo(elf).Length);
        Assert.Equal(SectionHeaderStripper.Strip(Executable()), File.ReadAllBytes(bootable));
        Assert.Contains("boot.elf 400 -> 248 bytes", stdout, StringComparison.Ordinal);
        Assert.Equal(1, refused);
        Assert.Contains("not an ELF file", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(nothing));
    }

    private static int Run(out string stdout, out string stderr, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = Program.Run(args, output, error);
        stdout = output.ToString();
        stderr = error.ToString();
        return exitCode;
    }
}
