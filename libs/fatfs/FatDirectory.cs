using System;
using System.Collections.Generic;
using Uk.Vfs;

namespace Uk.FatFs;

// A directory read into memory: its 32-byte entries and the sector each lies in. FAT16's
// root is a fixed run of sectors; every other directory is a cluster chain. Changes are
// written back one sector at a time, so a change to one entry is a single-sector write.
internal sealed class FatDirectory
{
    public const int EntryBytes = 32;
    // The FAT specification's limit: 65536 entries (2 MiB) per directory.
    private const int MaxEntries = 65536;
    private const byte EndMarker = 0x00;
    private const byte DeletedMarker = 0xE5;

    private readonly FatVolume _volume;
    private uint[] _sectors;
    private byte[] _data;

    private FatDirectory(FatVolume volume, uint firstCluster, uint[] sectors, byte[] data)
    {
        _volume = volume;
        FirstCluster = firstCluster;
        _sectors = sectors;
        _data = data;
    }

    // 0 for FAT16's fixed root directory.
    public uint FirstCluster { get; }

    public int SlotCount => _data.Length / EntryBytes;

    public static FsError Load(FatVolume volume, uint firstCluster, out FatDirectory? directory, out string problem)
    {
        directory = null;
        problem = "";
        FatGeometry g = volume.Geometry;
        uint[] sectors;
        if (firstCluster == 0)
        {
            sectors = new uint[g.RootDirSectors];
            for (uint i = 0; i < g.RootDirSectors; i++)
                sectors[i] = g.RootDirSector + i;
        }
        else
        {
            FsError measured = volume.Fat.Measure(firstCluster, out uint clusters, out _, out problem);
            if (measured != FsError.None)
                return measured;
            if ((ulong)clusters * (ulong)g.ClusterBytes > (ulong)MaxEntries * EntryBytes)
            {
                problem = "directory at cluster " + firstCluster.ToString() + " is larger than FAT allows (2 MiB)";
                return FsError.Corrupt;
            }
            sectors = new uint[clusters * (uint)g.SectorsPerCluster];
            uint cluster = firstCluster;
            int n = 0;
            for (uint c = 0; c < clusters; c++)
            {
                uint first = g.ClusterSector(cluster);
                for (int s = 0; s < g.SectorsPerCluster; s++)
                    sectors[n++] = first + (uint)s;
                FsError error = volume.Fat.Next(cluster, out uint next, out problem);
                if (error != FsError.None)
                    return error;
                cluster = next;
            }
        }
        byte[] data = new byte[sectors.Length * g.BytesPerSector];
        for (int i = 0; i < sectors.Length; i++)
        {
            FsError error = volume.Device.Read(sectors[i], new Span<byte>(data, i * g.BytesPerSector, g.BytesPerSector));
            if (error != FsError.None)
                return error;
        }
        directory = new FatDirectory(volume, firstCluster, sectors, data);
        return FsError.None;
    }

    // The names in the directory, without "." and ".." and the volume label.
    public List<FatEntry> List()
    {
        var found = new List<FatEntry>();
        ForEach(found, null, out _);
        return found;
    }

    public bool Find(string name, out FatEntry entry) => ForEach(null, name, out entry);

    public bool IsEmpty() => List().Count == 0;

    public bool ShortNameExists(ReadOnlySpan<byte> shortName)
    {
        for (int slot = 0; slot < SlotCount; slot++)
        {
            ReadOnlySpan<byte> e = Slot(slot);
            if (e[0] == EndMarker)
                return false;
            if (e[0] != DeletedMarker && e[11] != FatEntry.LongNameAttributes && e.Slice(0, 11).SequenceEqual(shortName))
                return true;
        }
        return false;
    }

    // Adds a name: long-name entries (if needed) and the short entry, in free slots,
    // growing the directory by a cluster when none are left.
    public FsError Add(string name, byte attributes, uint firstCluster, uint size, out FatEntry entry)
    {
        entry = default;
        Span<byte> shortName = stackalloc byte[FatNames.ShortNameLength];
        FsError error = ChooseShortName(name, shortName, out int longEntries);
        if (error != FsError.None)
            return error;
        int needed = longEntries + 1;
        error = FindFreeRun(needed, out int first);
        if (error != FsError.None)
            return error;
        int shortSlot = first + longEntries;
        Span<byte> s = Slot(shortSlot);
        s.Clear();
        s[11] = attributes;
        FatTimestamp.Stamp(s);
        SetFirstCluster(s, firstCluster);
        LittleEndian.Put32(s, 28, size);
        WriteNameEntries(first, name, longEntries, shortName);

        error = WriteSlots(first, needed);
        if (error != FsError.None)
            return error;
        entry = new FatEntry { Name = name, Attributes = attributes, FirstCluster = firstCluster, Size = size, ShortSlot = shortSlot, FirstSlot = first };
        return FsError.None;
    }

    // Renames within this directory by rewriting the name's own entries, when the new name
    // needs no more of them and they all lie in one sector: a single sector write, so a
    // power cut leaves the old name or the new one, never both or neither.
    public bool TryRenameInPlace(FatEntry entry, string newName, out FsError error)
    {
        Span<byte> shortName = stackalloc byte[FatNames.ShortNameLength];
        error = ChooseShortName(newName, shortName, out int longEntries);
        int have = entry.ShortSlot - entry.FirstSlot + 1;
        int bytesPerSector = _volume.Geometry.BytesPerSector;
        bool oneSector = entry.FirstSlot * EntryBytes / bytesPerSector == entry.ShortSlot * EntryBytes / bytesPerSector;
        if (error != FsError.None || longEntries + 1 > have || !oneSector)
            return false;
        int first = entry.ShortSlot - longEntries;
        for (int slot = entry.FirstSlot; slot < first; slot++)
            Slot(slot)[0] = DeletedMarker;
        // Attributes, times, cluster and size (bytes 11..31) stay; the case flags belonged to the old name.
        Slot(entry.ShortSlot)[12] = 0;
        WriteNameEntries(first, newName, longEntries, shortName);
        error = WriteSlots(entry.FirstSlot, have);
        return true;
    }

    // The short name for a new name: the name itself when it is upper-case 8.3, else a
    // numbered one that no entry here has, with long-name entries to hold the real name.
    private FsError ChooseShortName(string name, Span<byte> shortName, out int longEntries)
    {
        longEntries = 0;
        if (FatNames.TryExactShortName(name, shortName))
            return FsError.None;
        longEntries = (name.Length + FatNames.CharsPerLongEntry - 1) / FatNames.CharsPerLongEntry;
        for (int tail = 1; tail <= 999999; tail++)
        {
            FatNames.MakeNumberedShortName(name, tail, shortName);
            if (!ShortNameExists(shortName))
                return FsError.None;
        }
        return FsError.NoSpace;
    }

    // Long-name entries at first.., then the short name into the short entry after them
    // (whose other fields the caller has set).
    private void WriteNameEntries(int first, string name, int longEntries, ReadOnlySpan<byte> shortName)
    {
        byte checksum = FatNames.Checksum(shortName);
        for (int i = 0; i < longEntries; i++)
        {
            // Long-name parts are stored last part first.
            int order = longEntries - i;
            WriteLongEntry(Slot(first + i), name, order, order == longEntries, checksum);
        }
        shortName.CopyTo(Slot(first + longEntries));
    }

    public FsError Remove(FatEntry entry)
    {
        for (int slot = entry.FirstSlot; slot <= entry.ShortSlot; slot++)
            Slot(slot)[0] = DeletedMarker;
        return WriteSlots(entry.FirstSlot, entry.ShortSlot - entry.FirstSlot + 1);
    }

    // Rewrites the short entry's first cluster and size: one sector write.
    public FsError Update(int shortSlot, uint firstCluster, uint size)
    {
        Span<byte> s = Slot(shortSlot);
        SetFirstCluster(s, firstCluster);
        LittleEndian.Put32(s, 28, size);
        FatTimestamp.StampModified(s);
        return WriteSlots(shortSlot, 1);
    }

    // Writes "." and ".." into a new directory's first cluster (already zeroed on the disk).
    public FsError InitializeAsNew(uint parentCluster)
    {
        Span<byte> dot = Slot(0);
        dot.Clear();
        dot.Slice(0, 11).Fill((byte)' ');
        dot[0] = (byte)'.';
        dot[11] = FatEntry.DirectoryAttribute;
        FatTimestamp.Stamp(dot);
        SetFirstCluster(dot, FirstCluster);
        Span<byte> dotDot = Slot(1);
        dotDot.Clear();
        dotDot.Slice(0, 11).Fill((byte)' ');
        dotDot[0] = (byte)'.';
        dotDot[1] = (byte)'.';
        dotDot[11] = FatEntry.DirectoryAttribute;
        FatTimestamp.Stamp(dotDot);
        SetFirstCluster(dotDot, parentCluster);
        return WriteSlots(0, 2);
    }

    // Points ".." at a new parent (after a directory moved).
    public FsError SetParent(uint parentCluster)
    {
        Span<byte> dotDot = Slot(1);
        if (dotDot[0] != '.' || dotDot[1] != '.')
            return FsError.None;
        SetFirstCluster(dotDot, parentCluster);
        return WriteSlots(1, 1);
    }

    private Span<byte> Slot(int index) => new Span<byte>(_data, index * EntryBytes, EntryBytes);

    private void SetFirstCluster(Span<byte> s, uint cluster)
    {
        LittleEndian.Put16(s, 26, cluster & 0xFFFF);
        LittleEndian.Put16(s, 20, _volume.Geometry.Type == FatType.Fat32 ? cluster >> 16 : 0);
    }

    private uint FirstClusterOf(ReadOnlySpan<byte> s)
    {
        uint low = LittleEndian.U16(s, 26);
        return _volume.Geometry.Type == FatType.Fat32 ? low | ((uint)LittleEndian.U16(s, 20) << 16) : low;
    }

    // Walks the entries: collects them into found, or stops at the one named wanted.
    private bool ForEach(List<FatEntry>? found, string? wanted, out FatEntry match)
    {
        match = default;
        char[] longName = new char[VfsPath.MaxNameLength + FatNames.CharsPerLongEntry];
        int longStart = -1;
        int expectedOrder = 0;
        int longLength = 0;
        byte longChecksum = 0;
        for (int slot = 0; slot < SlotCount; slot++)
        {
            ReadOnlySpan<byte> e = Slot(slot);
            if (e[0] == EndMarker)
                break;
            if (e[0] == DeletedMarker)
            {
                longStart = -1;
                continue;
            }
            if ((e[11] & 0x3F) == FatEntry.LongNameAttributes)
            {
                int order = e[0] & 0x1F;
                if ((e[0] & 0x40) != 0 && order >= 1 && order <= 20)
                {
                    longStart = slot;
                    expectedOrder = order;
                    longChecksum = e[13];
                    longLength = order * FatNames.CharsPerLongEntry;
                }
                else if (longStart < 0 || order != expectedOrder || e[13] != longChecksum)
                {
                    longStart = -1;
                    continue;
                }
                // Parts must count down to 1 with the same checksum; anything else is an orphan.
                int at = (order - 1) * FatNames.CharsPerLongEntry;
                ReadLongChars(e, longName, at, ref longLength);
                expectedOrder = order - 1;
                continue;
            }
            if ((e[11] & FatEntry.VolumeLabelAttribute) != 0 || e[0] == '.')
            {
                longStart = -1;
                continue;
            }
            string name;
            int firstSlot = slot;
            if (longStart >= 0 && expectedOrder == 0 && longChecksum == FatNames.Checksum(e.Slice(0, 11)) && longLength > 0)
            {
                name = new string(longName, 0, longLength);
                firstSlot = longStart;
            }
            else
                name = FatNames.FormatShortName(e.Slice(0, 11), e[12]);
            longStart = -1;
            var entry = new FatEntry
            {
                Name = name,
                Attributes = e[11],
                FirstCluster = FirstClusterOf(e),
                Size = (e[11] & FatEntry.DirectoryAttribute) != 0 ? 0 : LittleEndian.U32(e, 28),
                ShortSlot = slot,
                FirstSlot = firstSlot,
            };
            if (wanted is not null)
            {
                if (FatNames.NameEquals(name, wanted) || FatNames.NameEquals(FatNames.FormatShortName(e.Slice(0, 11), 0), wanted))
                {
                    match = entry;
                    return true;
                }
                continue;
            }
            found?.Add(entry);
        }
        return false;
    }

    // 13 UTF-16 units at three places in the entry; 0x0000 ends the name, 0xFFFF pads it.
    private static void ReadLongChars(ReadOnlySpan<byte> e, char[] name, int at, ref int length)
    {
        for (int i = 0; i < FatNames.CharsPerLongEntry; i++)
        {
            int offset = i < 5 ? 1 + i * 2 : i < 11 ? 14 + (i - 5) * 2 : 28 + (i - 11) * 2;
            char c = (char)LittleEndian.U16(e, offset);
            if (c == '\0' || c == '\uFFFF')
            {
                if (at + i < length)
                    length = at + i;
                return;
            }
            name[at + i] = c;
        }
    }

    private static void WriteLongEntry(Span<byte> e, string name, int order, bool isLast, byte checksum)
    {
        e.Clear();
        e[0] = (byte)(order | (isLast ? 0x40 : 0));
        e[11] = FatEntry.LongNameAttributes;
        e[13] = checksum;
        int start = (order - 1) * FatNames.CharsPerLongEntry;
        for (int i = 0; i < FatNames.CharsPerLongEntry; i++)
        {
            int offset = i < 5 ? 1 + i * 2 : i < 11 ? 14 + (i - 5) * 2 : 28 + (i - 11) * 2;
            int index = start + i;
            uint c = index < name.Length ? name[index] : index == name.Length ? 0u : 0xFFFFu;
            LittleEndian.Put16(e, offset, c);
        }
    }

    private FsError FindFreeRun(int needed, out int first)
    {
        first = -1;
        int run = 0;
        for (int slot = 0; slot < SlotCount; slot++)
        {
            byte marker = Slot(slot)[0];
            if (marker == EndMarker)
            {
                // Everything from the end marker on is free; the run may go on into a new cluster.
                if (run == 0)
                    first = slot;
                if (SlotCount - first >= needed)
                    return FsError.None;
                return Grow(first, needed, out first);
            }
            if (marker == DeletedMarker)
            {
                if (run == 0)
                    first = slot;
                if (++run == needed)
                    return FsError.None;
            }
            else
                run = 0;
        }
        int start = run > 0 ? first : SlotCount;
        return Grow(start, needed, out first);
    }

    // Adds zeroed clusters to the chain until slots [start, start + needed) exist.
    private FsError Grow(int start, int needed, out int first)
    {
        first = start;
        if (FirstCluster == 0)
            return FsError.NoSpace;
        FatGeometry g = _volume.Geometry;
        while (SlotCount < start + needed)
        {
            if (SlotCount + g.ClusterBytes / EntryBytes > MaxEntries)
                return FsError.NoSpace;
            FsError error = _volume.Fat.Measure(FirstCluster, out _, out uint last, out _);
            if (error != FsError.None)
                return error;
            error = _volume.AllocateZeroedCluster(out uint cluster);
            if (error != FsError.None)
                return error;
            error = _volume.Fat.Set(last, cluster);
            if (error != FsError.None)
                return error;
            uint[] sectors = new uint[_sectors.Length + g.SectorsPerCluster];
            for (int i = 0; i < _sectors.Length; i++)
                sectors[i] = _sectors[i];
            for (int s = 0; s < g.SectorsPerCluster; s++)
                sectors[_sectors.Length + s] = g.ClusterSector(cluster) + (uint)s;
            byte[] data = new byte[_data.Length + g.ClusterBytes];
            new ReadOnlySpan<byte>(_data).CopyTo(data);
            _sectors = sectors;
            _data = data;
        }
        return FsError.None;
    }

    private FsError WriteSlots(int first, int count)
    {
        int bytesPerSector = _volume.Geometry.BytesPerSector;
        int firstSector = first * EntryBytes / bytesPerSector;
        int lastSector = ((first + count) * EntryBytes - 1) / bytesPerSector;
        for (int i = firstSector; i <= lastSector; i++)
        {
            FsError error = _volume.Device.Write(_sectors[i], new ReadOnlySpan<byte>(_data, i * bytesPerSector, bytesPerSector));
            if (error != FsError.None)
                return error;
        }
        return FsError.None;
    }
}
