namespace Uk.FatFs;

// Decided by the number of data clusters, as the FAT specification says (never by the
// label in the boot sector): below 4085 FAT12, below 65525 FAT16, else FAT32.
public enum FatType
{
    Fat12,
    Fat16,
    Fat32,
}
