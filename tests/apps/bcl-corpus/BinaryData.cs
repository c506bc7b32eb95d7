using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.IO;
using System.Linq;
using System.Text;
using static Corpus.Report;

namespace Corpus;

// Bytes: BitConverter, BinaryPrimitives, in-memory streams with readers and writers, text
// encodings, Base64 and hex.
internal static class BinaryData
{
    public static void Run()
    {
        Check("bitconverter", $"{BitConverter.IsLittleEndian} {BitConverter.ToString(BitConverter.GetBytes(3.5))} {BitConverter.ToString(BitConverter.GetBytes((short)-2))} {BitConverter.ToInt32(new byte[] { 1, 2, 3, 4 })} {BitConverter.ToUInt16(new byte[] { 0xFF, 0x7F })}");
        Check("bitconverter float", $"{BitConverter.ToSingle(BitConverter.GetBytes(1.25f))} {BitConverter.ToDouble(new byte[] { 0, 0, 0, 0, 0, 0, 0xF0, 0x3F })} {BitConverter.ToString(BitConverter.GetBytes(true))} {BitConverter.ToString(new byte[] { 1, 2, 3, 4 }, 1, 2)}");
        Span<byte> buffer = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(buffer, 0x12345678);
        BinaryPrimitives.WriteInt16LittleEndian(buffer[4..], -2);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[6..], 0x0102030405060708);
        BinaryPrimitives.WriteDoubleLittleEndian(buffer[8..], 2.0);
        Check("binaryprimitives write", Convert.ToHexString(buffer));
        Check("binaryprimitives read", $"{BinaryPrimitives.ReadInt32BigEndian(buffer):X} {BinaryPrimitives.ReadUInt16LittleEndian(buffer[4..]):X} {BinaryPrimitives.ReadDoubleLittleEndian(buffer[8..])} {BinaryPrimitives.ReverseEndianness(0x11223344):X} {BinaryPrimitives.TryReadInt64BigEndian(buffer[12..], out _)}");

        using var memory = new MemoryStream();
        memory.Write(new byte[] { 1, 2, 3, 4, 5 });
        memory.WriteByte(6);
        memory.Position = 2;
        byte[] read = new byte[3];
        int count = memory.Read(read, 0, 3);
        Check("memorystream", $"{memory.Length} {memory.Position} {count} {Join(read)} {memory.ReadByte()} {memory.ReadByte()} {memory.CanSeek} {Convert.ToHexString(memory.ToArray())}");
        memory.Seek(-2, SeekOrigin.End);
        memory.SetLength(10);
        Check("memorystream seek/setlength", $"{memory.Position} {memory.Length} {Convert.ToHexString(memory.GetBuffer(), 0, (int)memory.Length)} {Throws(() => memory.Seek(-1, SeekOrigin.Begin))}");
        var fixedStream = new MemoryStream(new byte[4], writable: true);
        Check("memorystream fixed", Throws(() => fixedStream.Write(new byte[5])) + " | " + Throws(() => new MemoryStream(new byte[2], false).WriteByte(1)));

        var textStream = new MemoryStream();
        using (var writer = new StreamWriter(textStream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        {
            writer.WriteLine("first line");
            writer.Write("second ");
            writer.Write(42);
            writer.WriteLine();
            writer.Write("tail ü €");
        }
        Check("streamwriter bytes", textStream.Length + " " + Convert.ToHexString(textStream.ToArray()[^6..]));
        textStream.Position = 0;
        using (var reader = new StreamReader(textStream, Encoding.UTF8, leaveOpen: true))
        {
            Check("streamreader lines", $"{reader.ReadLine()}|{reader.ReadLine()}|{(char)reader.Peek()}|{reader.ReadToEnd()}|{reader.ReadLine() ?? "eof"}|{reader.EndOfStream}");
        }
        var bomStream = new MemoryStream();
        using (var writer = new StreamWriter(bomStream, Encoding.UTF8, leaveOpen: true))
            writer.Write("bom");
        bomStream.Position = 0;
        Check("streamwriter bom", Convert.ToHexString(bomStream.ToArray()) + " " + new StreamReader(bomStream).ReadToEnd());
        var unicodeStream = new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("wide")).ToArray());
        var detecting = new StreamReader(unicodeStream, detectEncodingFromByteOrderMarks: true);
        Check("streamreader detect", detecting.ReadToEnd() + " " + detecting.CurrentEncoding.WebName);
        var stringReader = new StringReader("a\nb\r\nc");
        var stringWriter = new StringWriter();
        string? line;
        while ((line = stringReader.ReadLine()) != null)
            stringWriter.Write($"<{line}>");
        Check("stringreader/writer", stringWriter.ToString());

        var binaryStream = new MemoryStream();
        using (var writer = new BinaryWriter(binaryStream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(42);
            writer.Write(-1L);
            writer.Write(3.25);
            writer.Write(1.5m);
            writer.Write("héllo");
            writer.Write(true);
            writer.Write('Z');
            writer.Write7BitEncodedInt(300);
            writer.Write(new byte[] { 9, 8 });
        }
        Check("binarywriter bytes", binaryStream.Length + " " + Convert.ToHexString(binaryStream.ToArray()));
        binaryStream.Position = 0;
        using (var reader = new BinaryReader(binaryStream))
        {
            Check("binaryreader", $"{reader.ReadInt32()} {reader.ReadInt64()} {reader.ReadDouble()} {reader.ReadDecimal()} {reader.ReadString()} {reader.ReadBoolean()} {reader.ReadChar()} {reader.Read7BitEncodedInt()} {Join(reader.ReadBytes(5))} {Throws(() => reader.ReadInt32())}");
        }
        var buffered = new BufferedStream(new MemoryStream(), 4);
        buffered.Write(Encoding.ASCII.GetBytes("buffered!"));
        buffered.Flush();
        Check("bufferedstream", buffered.Length);
        var copyTarget = new MemoryStream();
        new MemoryStream(Enumerable.Range(0, 100).Select(i => (byte)i).ToArray()).CopyTo(copyTarget, 7);
        Check("stream copyto", copyTarget.Length + " " + copyTarget.ToArray().Sum(b => b));

        const string sample = "Grüße, 世界! 😀";
        Check("utf8", $"{Encoding.UTF8.GetByteCount(sample)} {Convert.ToHexString(Encoding.UTF8.GetBytes("ü€😀"))} {Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(sample)) == sample} {Encoding.UTF8.GetCharCount(Encoding.UTF8.GetBytes(sample))}");
        Check("utf8 invalid", $"{Encoding.UTF8.GetString(new byte[] { 0x41, 0xFF, 0x42, 0xC3 })} {(int)Encoding.UTF8.GetString(new byte[] { 0xFF })[0]:X} {Throws(() => new UTF8Encoding(false, true).GetString(new byte[] { 0xFF }))}");
        Check("ascii", $"{Convert.ToHexString(Encoding.ASCII.GetBytes("Aé~"))} {Encoding.ASCII.GetString(new byte[] { 72, 105, 200 })} {Encoding.ASCII.IsSingleByte}");
        Check("latin1", $"{Convert.ToHexString(Encoding.Latin1.GetBytes("Aé€ÿ"))} {Encoding.Latin1.GetString(new byte[] { 0xE9, 0xFF, 0x41 })} {Encoding.Latin1.WebName}");
        Check("utf16/utf32", $"{Convert.ToHexString(Encoding.Unicode.GetBytes("A€"))} {Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes("A€"))} {Convert.ToHexString(Encoding.UTF32.GetBytes("😀"))} {Encoding.Unicode.GetString(new byte[] { 0x3D, 0xD8, 0x00, 0xDE })}");
        Check("encoding names", $"{Encoding.UTF8.WebName} {Encoding.Unicode.WebName} {Encoding.UTF32.WebName} {Encoding.ASCII.WebName} {Encoding.GetEncoding("utf-8").CodePage} {Encoding.GetEncoding(28591).WebName} {Throws(() => Encoding.GetEncoding("shift_jis"))}");
        Check("encoding preamble", $"{Convert.ToHexString(Encoding.UTF8.GetPreamble())} {Convert.ToHexString(Encoding.Unicode.GetPreamble())} {new UTF8Encoding(false).GetPreamble().Length}");
        var decoder = Encoding.UTF8.GetDecoder();
        byte[] euro = Encoding.UTF8.GetBytes("€");
        char[] chars = new char[4];
        int first = decoder.GetChars(euro, 0, 2, chars, 0);
        int second = decoder.GetChars(euro, 2, 1, chars, first);
        Check("decoder split sequence", $"{first} {second} {chars[0]}");
        Check("rune", $"{string.Join(" ", "a😀é".EnumerateRunes().Select(r => r.Value.ToString("X")))} {new Rune(0x1F600).Utf16SequenceLength} {new Rune(0x1F600).Utf8SequenceLength} {Rune.IsLetter(new Rune('x'))}");

        byte[] data = Encoding.UTF8.GetBytes("Many hands make light work.");
        string base64 = Convert.ToBase64String(data);
        Check("base64", base64 + " " + Encoding.UTF8.GetString(Convert.FromBase64String(base64)) + " " + Convert.ToBase64String(new byte[] { 0xFB, 0xFF }) + " " + Convert.ToBase64String(Array.Empty<byte>()).Length);
        Check("base64 options", Convert.ToBase64String(new byte[60], Base64FormattingOptions.InsertLineBreaks).Split('\n').Length + " " + Throws(() => Convert.FromBase64String("abc")) + " " + Convert.TryFromBase64String("AQID", new byte[3], out int decoded) + decoded);
        Check("base64url", Base64Url.EncodeToString(new byte[] { 0xFB, 0xFF, 0xBF }) + " " + Convert.ToHexString(Base64Url.DecodeFromChars("-_-_")));
        Span<byte> utf8Base64 = stackalloc byte[8];
        OperationStatus status = Base64.EncodeToUtf8(new byte[] { 1, 2, 3, 4 }, utf8Base64, out int consumed, out int encoded);
        Check("base64 utf8", $"{status} {consumed} {encoded} {Encoding.ASCII.GetString(utf8Base64[..encoded])}");
        Check("hex", $"{Convert.ToHexString(new byte[] { 0, 15, 16, 255 })} {Convert.ToHexStringLower(new byte[] { 0xAB, 0xCD })} {Join(Convert.FromHexString("DEADbeef"))} {Throws(() => Convert.FromHexString("ABC"))}");
        Check("convert bases", $"{Convert.ToString(-1, 16)} {Convert.ToString(10, 8)} {Convert.ToString((byte)5, 2)} {Convert.ToInt32("7fffffff", 16)} {Convert.ToInt64("1011", 2)} {Convert.ToByte("377", 8)}");
        Check("convert misc", $"{Convert.ToBoolean("True")} {Convert.ToDouble("1.5e2", System.Globalization.CultureInfo.InvariantCulture)} {Convert.ToChar(97)} {Convert.ToInt32(null as string)} {Convert.ChangeType("12", typeof(int))} {Throws(() => Convert.ToInt32("12x"))}");
        var pool = ArrayPool<byte>.Shared.Rent(100);
        Check("arraypool", (pool.Length >= 100) + " " + Throws(() => ArrayPool<byte>.Shared.Return(pool)));
        var writerBuffer = new ArrayBufferWriter<byte>();
        Encoding.UTF8.GetBytes("written", writerBuffer);
        Check("arraybufferwriter", writerBuffer.WrittenCount + " " + Encoding.UTF8.GetString(writerBuffer.WrittenSpan));
        var sequence = new ReadOnlySequence<byte>(new byte[] { 1, 2, 3, 4, 5 });
        Check("readonlysequence", sequence.Length + " " + Join(sequence.Slice(1, 3).ToArray()) + " " + sequence.IsSingleSegment);
    }
}
