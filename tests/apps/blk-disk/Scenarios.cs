using System;
using Uk.BlkDev;

namespace BlkTests;

// Each scenario prints what it saw; the boot test checks those lines and the disk image.
public static class Scenarios
{
    public static int List()
    {
        Console.WriteLine("disks: " + BlockDevices.Count.ToString());
        for (int i = 0; i < BlockDevices.Count; i++)
        {
            IBlockDevice disk = BlockDevices.Get(i);
            Console.WriteLine("disk " + disk.Name + ": " + disk.SectorCount.ToString() + " sectors of " + disk.SectorSize.ToString()
                + " bytes" + (disk.IsReadOnly ? ", read-only" : ""));
        }
        return 0;
    }

    public static int Write(string name, ulong sector, int count, int seed)
    {
        IBlockDevice? disk = Find(name);
        if (disk is null)
            return 3;
        var buffer = new byte[count * disk.SectorSize];
        ulong offset = sector * (ulong)disk.SectorSize;
        DiskPattern.Fill(buffer, offset, seed);
        BlockStatus written = disk.Write(sector, buffer);
        BlockStatus flushed = disk.Flush();
        Console.WriteLine("write " + name + " " + sector.ToString() + "+" + count.ToString() + ": " + Text(written) + ", flush: " + Text(flushed));
        var back = new byte[buffer.Length];
        BlockStatus read = disk.Read(sector, back);
        int mismatch = DiskPattern.FirstMismatch(back, offset, seed);
        Console.WriteLine("read back: " + Text(read) + (mismatch < 0 ? ", pattern ok" : ", mismatch at byte " + mismatch.ToString()));
        return written == BlockStatus.Ok && flushed == BlockStatus.Ok && read == BlockStatus.Ok && mismatch < 0 ? 0 : 1;
    }

    public static int Read(string name, ulong sector, int count, int seed)
    {
        IBlockDevice? disk = Find(name);
        if (disk is null)
            return 3;
        var buffer = new byte[count * disk.SectorSize];
        BlockStatus read = disk.Read(sector, buffer);
        int mismatch = DiskPattern.FirstMismatch(buffer, sector * (ulong)disk.SectorSize, seed);
        Console.WriteLine("read " + name + " " + sector.ToString() + "+" + count.ToString() + ": " + Text(read)
            + (mismatch < 0 ? ", pattern ok" : ", mismatch at byte " + mismatch.ToString()));
        return read == BlockStatus.Ok && mismatch < 0 ? 0 : 1;
    }

    public static int ReadOnly(string name)
    {
        IBlockDevice? disk = Find(name);
        if (disk is null)
            return 3;
        var buffer = new byte[disk.SectorSize];
        BlockStatus read = disk.Read(0, buffer);
        BlockStatus written = disk.Write(0, buffer);
        Console.WriteLine("read-only " + name + ": IsReadOnly " + (disk.IsReadOnly ? "true" : "false") + ", read: " + Text(read) + ", write: " + Text(written));
        return 0;
    }

    public static int Bounds(string name)
    {
        IBlockDevice? disk = Find(name);
        if (disk is null)
            return 3;
        var sector = new byte[disk.SectorSize];
        var two = new byte[disk.SectorSize * 2];
        Console.WriteLine("last sector: " + Text(disk.Read(disk.SectorCount - 1, sector)));
        Console.WriteLine("past the end: " + Text(disk.Read(disk.SectorCount, sector)));
        Console.WriteLine("across the end: " + Text(disk.Read(disk.SectorCount - 1, two)));
        Console.WriteLine("huge sector: " + Text(disk.Write(ulong.MaxValue, sector)));
        Console.WriteLine("partial sector: " + Text(disk.Read(0, new byte[disk.SectorSize / 2])));
        return 0;
    }

    public static int Unknown(string mode)
    {
        Console.WriteLine("unknown scenario '" + mode + "'");
        return 2;
    }

    internal static IBlockDevice? Find(string name)
    {
        IBlockDevice? disk = BlockDevices.Find(name);
        if (disk is null)
            Console.WriteLine("no disk named " + name);
        return disk;
    }

    internal static string Text(BlockStatus status) => status switch
    {
        BlockStatus.Ok => "Ok",
        BlockStatus.OutOfRange => "OutOfRange",
        BlockStatus.BadLength => "BadLength",
        BlockStatus.ReadOnly => "ReadOnly",
        BlockStatus.IoError => "IoError",
        _ => "Unsupported",
    };
}
