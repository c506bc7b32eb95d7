namespace Uk.Drivers.Pci;

// One ECAM window from ACPI's MCFG: configuration space of buses StartBus-EndBus of a
// segment, 4 KiB per function, at BaseAddress.
public readonly struct EcamWindow
{
    public EcamWindow(ulong baseAddress, ushort segment, byte startBus, byte endBus)
    {
        BaseAddress = baseAddress;
        Segment = segment;
        StartBus = startBus;
        EndBus = endBus;
    }

    public ulong BaseAddress { get; }

    public ushort Segment { get; }

    public byte StartBus { get; }

    public byte EndBus { get; }

    // Bytes the window spans: 1 MiB per bus.
    public ulong Length => ((ulong)(EndBus - StartBus) + 1) << 20;
}

// The MCFG table: the 36-byte ACPI header, 8 reserved bytes, then 16-byte entries. The
// table's checksum was checked when it was read; here only its shape is.
public static class McfgParser
{
    private const int FirstEntry = 44;
    private const int EntryLength = 16;

    // The window for segment 0 that starts at bus 0 (the one the port mechanism reaches too);
    // false when the table is malformed or has none.
    public static bool TryFindSegmentZero(byte[]? table, out EcamWindow window)
    {
        window = default;
        if (table is null || table.Length < FirstEntry)
            return false;
        uint length = Read32(table, 4);
        if (length > table.Length || length < FirstEntry)
            return false;
        for (int at = FirstEntry; at + EntryLength <= length; at += EntryLength)
        {
            ulong baseAddress = Read32(table, at) | ((ulong)Read32(table, at + 4) << 32);
            ushort segment = (ushort)(table[at + 8] | (table[at + 9] << 8));
            byte startBus = table[at + 10];
            byte endBus = table[at + 11];
            if (segment != 0 || startBus != 0 || endBus < startBus || baseAddress == 0 || (baseAddress & 0xFFFFF) != 0)
                continue;
            window = new EcamWindow(baseAddress, segment, startBus, endBus);
            return true;
        }
        return false;
    }

    private static uint Read32(byte[] bytes, int at) =>
        (uint)(bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24));
}
