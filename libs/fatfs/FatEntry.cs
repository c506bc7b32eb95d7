namespace Uk.FatFs;

// One name found in a directory: its short entry's fields and where its entries sit.
internal struct FatEntry
{
    public const byte ReadOnlyAttribute = 0x01;
    public const byte VolumeLabelAttribute = 0x08;
    public const byte DirectoryAttribute = 0x10;
    public const byte ArchiveAttribute = 0x20;
    public const byte LongNameAttributes = 0x0F;

    public string Name;
    public byte Attributes;
    public uint FirstCluster;
    public uint Size;
    // Index of the short entry in the directory, and of the first entry (long-name parts
    // come before the short one).
    public int ShortSlot;
    public int FirstSlot;

    public bool IsDirectory => (Attributes & DirectoryAttribute) != 0;
}
