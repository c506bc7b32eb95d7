using System.Text;

namespace Unikraft.Boot.Tests;

// A QEMU monitor `screendump`: a binary PPM (P6) of the screen, 8-bit RGB.
internal sealed class ScreenDump
{
    private ScreenDump(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        Rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    // Width * Height pixels, 3 bytes each (red, green, blue), row by row.
    public byte[] Rgb { get; }

    public uint PixelAt(int x, int y)
    {
        int offset = (y * Width + x) * 3;
        return (uint)(Rgb[offset] << 16 | Rgb[offset + 1] << 8 | Rgb[offset + 2]);
    }

    public static ScreenDump Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        int offset = 0;
        string magic = Token(file, ref offset);
        int width = int.Parse(Token(file, ref offset), System.Globalization.CultureInfo.InvariantCulture);
        int height = int.Parse(Token(file, ref offset), System.Globalization.CultureInfo.InvariantCulture);
        int maximum = int.Parse(Token(file, ref offset), System.Globalization.CultureInfo.InvariantCulture);
        if (magic != "P6" || maximum != 255)
            throw new InvalidDataException(path + ": not an 8-bit binary PPM (" + magic + ", " + maximum + ")");
        // One whitespace byte ends the header.
        offset++;
        return new ScreenDump(width, height, file.AsSpan(offset, width * height * 3).ToArray());
    }

    private static string Token(byte[] file, ref int offset)
    {
        while (char.IsWhiteSpace((char)file[offset]))
            offset++;
        int start = offset;
        while (!char.IsWhiteSpace((char)file[offset]))
            offset++;
        return Encoding.ASCII.GetString(file, start, offset - start);
    }
}
