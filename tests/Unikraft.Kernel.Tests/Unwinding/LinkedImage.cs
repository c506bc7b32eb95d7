using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using Unikraft.Boot.Tests;

namespace Unikraft.Kernel.Tests.Unwinding;

// A real image, built by `dotnet build` like any application, with its loadable segments
// copied into host memory at the same distances from each other as in the guest. The
// unwind tables only hold relative pointers, so the kernel's readers work on this copy
// unchanged; Host() and Guest() translate addresses.
public sealed unsafe class LinkedImage : IDisposable
{
    private const uint LoadSegment = 1;

    private readonly byte* _memory;
    private readonly ulong _guestStart;
    private readonly ulong _size;

    public LinkedImage()
    {
        HostProcessResult build = HostProcess.Run("dotnet", ["build", Repository.PathOf(ProjectDirectory), "-nologo", "-v", "minimal"], TimeSpan.FromMinutes(10));
        if (build.ExitCode != 0)
            throw new InvalidOperationException("dotnet build " + ProjectDirectory + " failed:\n" + build.Output);
        ElfPath = Repository.PathOf(Path.Combine(ProjectDirectory, "obj", "Debug", "uk", "exceptions-coop.debug.elf"));
        byte[] file = File.ReadAllBytes(ElfPath);
        ReadSymbols(out var symbols, out var functionStarts);
        Symbols = symbols;
        FunctionStarts = functionStarts;

        var segments = ReadLoadSegments(file);
        _guestStart = segments.Min(segment => segment.Address);
        _size = segments.Max(segment => segment.Address + segment.MemorySize) - _guestStart;
        _memory = (byte*)NativeMemory.AllocZeroed((nuint)_size);
        foreach (var segment in segments)
            file.AsSpan((int)segment.Offset, (int)segment.FileSize).CopyTo(new Span<byte>(_memory + (segment.Address - _guestStart), (int)segment.FileSize));
    }

    public const string ProjectDirectory = "tests/apps/exceptions-coop";

    public string ElfPath { get; }

    public IReadOnlyDictionary<string, ulong> Symbols { get; }

    public IReadOnlyList<ulong> FunctionStarts { get; }

    public byte* Host(ulong guestAddress)
    {
        if (guestAddress < _guestStart || guestAddress >= _guestStart + _size)
            throw new ArgumentOutOfRangeException(nameof(guestAddress), "0x" + guestAddress.ToString("X", CultureInfo.InvariantCulture) + " is outside the image");
        return _memory + (guestAddress - _guestStart);
    }

    public ulong Guest(ulong hostAddress) => hostAddress - (ulong)_memory + _guestStart;

    public ulong Guest(void* hostAddress) => Guest((ulong)hostAddress);

    public void Dispose() => NativeMemory.Free(_memory);

    // Through nm: address, size (functions from ILC have one, assembly labels none), kind, name.
    private void ReadSymbols(out Dictionary<string, ulong> symbols, out List<ulong> functionStarts)
    {
        HostProcessResult nm = HostProcess.Run("nm", ["--defined-only", "-S", ElfPath], TimeSpan.FromMinutes(1));
        if (nm.ExitCode != 0)
            throw new InvalidOperationException("nm failed:\n" + nm.Output);
        symbols = new Dictionary<string, ulong>();
        var starts = new HashSet<ulong>();
        foreach (string line in nm.Lines)
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3)
                continue;
            ulong address = Convert.ToUInt64(fields[0], 16);
            symbols.TryAdd(fields[^1], address);
            if (fields.Length == 4 && (fields[2] == "T" || fields[2] == "t") && Convert.ToUInt64(fields[1], 16) > 0)
                starts.Add(address);
        }
        functionStarts = starts.Order().ToList();
    }

    private static List<(ulong Address, ulong Offset, ulong FileSize, ulong MemorySize)> ReadLoadSegments(byte[] file)
    {
        ReadOnlySpan<byte> bytes = file;
        ulong headerOffset = BinaryPrimitives.ReadUInt64LittleEndian(bytes[0x20..]);
        int headerSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x36..]);
        int headerCount = BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x38..]);
        var segments = new List<(ulong, ulong, ulong, ulong)>();
        for (int i = 0; i < headerCount; i++)
        {
            ReadOnlySpan<byte> header = bytes[((int)headerOffset + i * headerSize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LoadSegment)
                continue;
            segments.Add((BinaryPrimitives.ReadUInt64LittleEndian(header[0x10..]), BinaryPrimitives.ReadUInt64LittleEndian(header[0x08..]),
                BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]), BinaryPrimitives.ReadUInt64LittleEndian(header[0x28..])));
        }
        return segments;
    }
}
