using System;
using System.Collections.Generic;
using Uk.BlkDev;
using Uk.Vfs;

namespace Uk.FatFs;

// A mounted FAT16/FAT32 volume. Every call returns an FsError; when the disk is at fault
// (FsError.Corrupt) LastProblem says what was found and where. Each change is ordered so a
// power cut between two disk writes leaves a volume fsck.fat can at worst tidy (lost
// clusters, a chain longer than a size) without losing data that was flushed:
// new space is allocated in the FAT before anything points to it, entries are written after
// their data, and space is freed only after nothing points to it any more.
public sealed class FatFileSystem : IFileSystem
{
    private readonly FatVolume _volume;
    private readonly List<FatOpenFile> _open = new List<FatOpenFile>();

    private FatFileSystem(FatVolume volume) => _volume = volume;

    public string TypeName => "fatfs";

    public FatType Type => _volume.Geometry.Type;

    public int ClusterBytes => _volume.Geometry.ClusterBytes;

    public uint ClusterCount => _volume.Geometry.ClusterCount;

    // What was wrong the last time a call returned Corrupt.
    public string LastProblem { get; private set; } = "";

    private uint RootCluster => _volume.Geometry.Type == FatType.Fat32 ? _volume.Geometry.RootCluster : 0;

    public static FsError Mount(IBlockDevice disk, out FatFileSystem? fileSystem, out string problem)
    {
        fileSystem = null;
        if (disk.SectorSize < 512 || disk.SectorSize > 4096)
        {
            problem = "disk '" + disk.Name + "' has " + disk.SectorSize.ToString() + "-byte sectors (FAT needs 512 to 4096)";
            return FsError.NotSupported;
        }
        byte[] first = new byte[disk.SectorSize];
        BlockStatus status = disk.Read(0, first);
        if (status != BlockStatus.Ok)
        {
            problem = "disk '" + disk.Name + "': reading the boot sector failed";
            return FsError.IoError;
        }
        FsError error = FatGeometry.Parse(first, disk.SectorCount * (ulong)disk.SectorSize, out FatGeometry? geometry, out problem);
        if (error != FsError.None)
            return error;
        if (geometry!.BytesPerSector % disk.SectorSize != 0)
        {
            problem = "boot sector: " + geometry.BytesPerSector.ToString() + "-byte sectors on a disk of " + disk.SectorSize.ToString() + "-byte sectors";
            return FsError.NotSupported;
        }
        var volume = new FatVolume(new SectorDevice(disk, geometry.BytesPerSector), geometry);
        var fs = new FatFileSystem(volume);
        error = FatDirectory.Load(volume, fs.RootCluster, out _, out problem);
        if (error != FsError.None)
        {
            problem = "root directory: " + problem;
            return error;
        }
        if (!disk.IsReadOnly && geometry.Type == FatType.Fat32)
        {
            error = fs.ForgetFreeCount(out problem);
            if (error != FsError.None)
                return error;
        }
        fileSystem = fs;
        problem = "";
        return FsError.None;
    }

    public FsError Open(string[] path, OpenMode mode, out IOpenFile? file)
    {
        file = null;
        if (path.Length == 0)
            return FsError.IsADirectory;
        if ((mode & OpenMode.Write) != 0 && _volume.Device.IsReadOnly)
            return FsError.ReadOnly;
        FsError error = LoadParent(path, out FatDirectory? parent);
        if (error != FsError.None)
            return error;
        string name = path[path.Length - 1];
        if (parent!.Find(name, out FatEntry entry))
        {
            if ((mode & (OpenMode.Create | OpenMode.Exclusive)) == (OpenMode.Create | OpenMode.Exclusive))
                return FsError.AlreadyExists;
            if (entry.IsDirectory)
                return FsError.IsADirectory;
            if ((mode & OpenMode.Write) != 0 && (entry.Attributes & FatEntry.ReadOnlyAttribute) != 0)
                return FsError.ReadOnly;
        }
        else
        {
            if ((mode & OpenMode.Create) == 0)
                return FsError.NotFound;
            error = FatNames.CheckLongName(name);
            if (error != FsError.None)
                return error;
            error = parent.Add(name, FatEntry.ArchiveAttribute, 0, 0, out entry);
            if (error == FsError.None)
                error = _volume.Flush();
            if (error != FsError.None)
                return error;
        }
        if (FindOpen(parent.FirstCluster, entry.ShortSlot) >= 0)
            return FsError.Busy;

        error = _volume.Fat.Measure(entry.FirstCluster, out uint clusters, out uint last, out string problem);
        if (error != FsError.None)
            return Fail(error, "file '" + name + "': " + problem);
        ulong needed = ((ulong)entry.Size + (ulong)ClusterBytes - 1) / (ulong)ClusterBytes;
        if (needed > clusters)
            return Fail(FsError.Corrupt, "file '" + name + "': its size (" + entry.Size.ToString() + " bytes) needs " + needed.ToString() + " clusters but its chain has " + clusters.ToString());

        var opened = new FatOpenFile(this, _volume, parent.FirstCluster, entry, clusters, last);
        if ((mode & OpenMode.Truncate) != 0 && entry.Size > 0)
        {
            error = opened.SetLength(0);
            if (error != FsError.None)
                return error;
        }
        _open.Add(opened);
        file = opened;
        return FsError.None;
    }

    public FsError GetInfo(string[] path, out FsEntry info)
    {
        info = default;
        if (path.Length == 0)
        {
            info = new FsEntry("", true, 0);
            return FsError.None;
        }
        FsError error = LoadParent(path, out FatDirectory? parent);
        if (error != FsError.None)
            return error;
        if (!parent!.Find(path[path.Length - 1], out FatEntry entry))
            return FsError.NotFound;
        info = new FsEntry(entry.Name, entry.IsDirectory, entry.Size);
        return FsError.None;
    }

    public FsError CreateDirectory(string[] path)
    {
        if (path.Length == 0)
            return FsError.AlreadyExists;
        if (_volume.Device.IsReadOnly)
            return FsError.ReadOnly;
        FsError error = LoadParent(path, out FatDirectory? parent);
        if (error != FsError.None)
            return error;
        string name = path[path.Length - 1];
        if (parent!.Find(name, out _))
            return FsError.AlreadyExists;
        error = FatNames.CheckLongName(name);
        if (error != FsError.None)
            return error;
        // The new directory's cluster is complete ("." and "..") and flushed before the
        // parent names it.
        error = _volume.AllocateZeroedCluster(out uint cluster);
        if (error != FsError.None)
            return error;
        error = FatDirectory.Load(_volume, cluster, out FatDirectory? created, out string problem);
        if (error != FsError.None)
            return Fail(error, problem);
        error = created!.InitializeAsNew(ParentReference(parent.FirstCluster));
        if (error == FsError.None)
            error = _volume.Flush();
        if (error == FsError.None)
            error = parent.Add(name, FatEntry.DirectoryAttribute, cluster, 0, out _);
        if (error == FsError.None)
            error = _volume.Flush();
        return error;
    }

    public FsError ReadDirectory(string[] path, out FsEntry[] entries)
    {
        entries = Array.Empty<FsEntry>();
        FsError error = LoadDirectory(path, out FatDirectory? directory);
        if (error != FsError.None)
            return error;
        List<FatEntry> found = directory!.List();
        entries = new FsEntry[found.Count];
        for (int i = 0; i < found.Count; i++)
            entries[i] = new FsEntry(found[i].Name, found[i].IsDirectory, found[i].Size);
        return FsError.None;
    }

    public FsError Delete(string[] path)
    {
        if (path.Length == 0)
            return FsError.Busy;
        if (_volume.Device.IsReadOnly)
            return FsError.ReadOnly;
        FsError error = LoadParent(path, out FatDirectory? parent);
        if (error != FsError.None)
            return error;
        if (!parent!.Find(path[path.Length - 1], out FatEntry entry))
            return FsError.NotFound;
        if (FindOpen(parent.FirstCluster, entry.ShortSlot) >= 0)
            return FsError.Busy;
        if (entry.IsDirectory)
        {
            error = FatDirectory.Load(_volume, entry.FirstCluster, out FatDirectory? directory, out string problem);
            if (error != FsError.None)
                return Fail(error, "directory '" + entry.Name + "': " + problem);
            if (!directory!.IsEmpty())
                return FsError.DirectoryNotEmpty;
        }
        // The name goes first; its clusters are freed once nothing on the disk points to them.
        error = parent.Remove(entry);
        if (error == FsError.None)
            error = _volume.Flush();
        if (error == FsError.None && entry.FirstCluster != 0)
            error = _volume.Fat.FreeChain(entry.FirstCluster);
        if (error == FsError.None)
            error = _volume.Flush();
        return error;
    }

    public FsError Rename(string[] from, string[] to)
    {
        if (_volume.Device.IsReadOnly)
            return FsError.ReadOnly;
        if (IsPrefix(from, to))
            return from.Length == to.Length ? FsError.None : FsError.InvalidArgument;
        FsError error = LoadParent(from, out FatDirectory? source);
        if (error != FsError.None)
            return error;
        if (!source!.Find(from[from.Length - 1], out FatEntry entry))
            return FsError.NotFound;
        if (FindOpen(source.FirstCluster, entry.ShortSlot) >= 0)
            return FsError.Busy;
        error = LoadParent(to, out FatDirectory? target);
        if (error != FsError.None)
            return error;
        if (target!.FirstCluster == source.FirstCluster)
            target = source;
        string name = to[to.Length - 1];
        if (target.Find(name, out _))
            return FsError.AlreadyExists;
        error = FatNames.CheckLongName(name);
        if (error != FsError.None)
            return error;
        if (target == source && source.TryRenameInPlace(entry, name, out error))
            return error == FsError.None ? _volume.Flush() : error;
        // The new name is on the disk before the old one goes: a power cut in between leaves
        // two names for one file (fsck reports them as cross-linked), never a file with no name.
        error = target.Add(name, entry.Attributes, entry.FirstCluster, entry.Size, out _);
        if (error == FsError.None)
            error = _volume.Flush();
        if (error == FsError.None)
            error = source.Remove(entry);
        if (error == FsError.None && entry.IsDirectory && target.FirstCluster != source.FirstCluster)
        {
            error = FatDirectory.Load(_volume, entry.FirstCluster, out FatDirectory? moved, out string problem);
            if (error != FsError.None)
                return Fail(error, problem);
            error = moved!.SetParent(ParentReference(target.FirstCluster));
        }
        if (error == FsError.None)
            error = _volume.Flush();
        return error;
    }

    public FsError Sync()
    {
        foreach (FatOpenFile file in _open)
        {
            FsError error = FlushFile(file);
            if (error != FsError.None)
                return error;
        }
        return _volume.Flush();
    }

    public FsError Unmount()
    {
        if (_open.Count > 0)
            return FsError.Busy;
        return _volume.Flush();
    }

    internal FsError FlushFile(FatOpenFile file)
    {
        // Data and FAT first, then the entry that makes them part of the file.
        FsError error = _volume.Flush();
        if (error != FsError.None || !file.EntryDirty)
            return error;
        error = FatDirectory.Load(_volume, file.DirectoryCluster, out FatDirectory? directory, out string problem);
        if (error != FsError.None)
            return Fail(error, problem);
        error = directory!.Update(file.ShortSlot, file.FirstCluster, file.Size);
        if (error == FsError.None)
            error = _volume.Flush();
        if (error == FsError.None)
            file.EntryDirty = false;
        return error;
    }

    internal void Closed(FatOpenFile file) => _open.Remove(file);

    // ".." of a directory in the root names cluster 0, also on FAT32.
    private uint ParentReference(uint directoryCluster) => directoryCluster == RootCluster ? 0 : directoryCluster;

    private FsError LoadParent(string[] path, out FatDirectory? parent)
    {
        return LoadDirectory(VfsPath.Slice(path, 0, path.Length - 1), out parent);
    }

    private FsError LoadDirectory(string[] path, out FatDirectory? directory)
    {
        directory = null;
        uint cluster = RootCluster;
        FatDirectory? current;
        string problem;
        FsError error = FatDirectory.Load(_volume, cluster, out current, out problem);
        if (error != FsError.None)
            return Fail(error, "root directory: " + problem);
        for (int i = 0; i < path.Length; i++)
        {
            if (!current!.Find(path[i], out FatEntry entry))
                return FsError.NotFound;
            if (!entry.IsDirectory)
                return FsError.NotADirectory;
            if (entry.FirstCluster == 0)
                return Fail(FsError.Corrupt, "directory '" + path[i] + "' has no cluster");
            error = FatDirectory.Load(_volume, entry.FirstCluster, out current, out problem);
            if (error != FsError.None)
                return Fail(error, "directory '" + path[i] + "': " + problem);
        }
        directory = current;
        return FsError.None;
    }

    // FAT32 keeps a free-cluster count in its FSInfo sector. Keeping it exact would add a
    // write to every allocation that a power cut could tear from the FAT; "unknown"
    // (0xFFFFFFFF) is allowed by the specification and fsck.fat accepts it.
    private FsError ForgetFreeCount(out string problem)
    {
        problem = "";
        FatGeometry g = _volume.Geometry;
        if (g.FsInfoSector == 0)
            return FsError.None;
        byte[] sector = new byte[g.BytesPerSector];
        FsError error = _volume.Device.Read((uint)g.FsInfoSector, sector);
        if (error != FsError.None)
            return error;
        bool valid = LittleEndian.U32(sector, 0) == 0x41615252 && LittleEndian.U32(sector, 484) == 0x61417272 && LittleEndian.U32(sector, 508) == 0xAA550000;
        if (!valid || (LittleEndian.U32(sector, 488) == 0xFFFFFFFF && LittleEndian.U32(sector, 492) == 0xFFFFFFFF))
            return FsError.None;
        LittleEndian.Put32(sector, 488, 0xFFFFFFFF);
        LittleEndian.Put32(sector, 492, 0xFFFFFFFF);
        error = _volume.Device.Write((uint)g.FsInfoSector, sector);
        return error == FsError.None ? _volume.Flush() : error;
    }

    private FsError Fail(FsError error, string problem)
    {
        if (error == FsError.Corrupt)
            LastProblem = problem;
        return error;
    }

    private int FindOpen(uint directoryCluster, int shortSlot)
    {
        for (int i = 0; i < _open.Count; i++)
        {
            if (_open[i].DirectoryCluster == directoryCluster && _open[i].ShortSlot == shortSlot)
                return i;
        }
        return -1;
    }

    private static bool IsPrefix(string[] prefix, string[] path)
    {
        if (prefix.Length > path.Length)
            return false;
        for (int i = 0; i < prefix.Length; i++)
        {
            if (!FatNames.NameEquals(prefix[i], path[i]))
                return false;
        }
        return true;
    }
}
