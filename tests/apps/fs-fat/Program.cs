using System;
using System.IO;
using Uk.Vfs;

// Usage (after "--"):
//   write   writes files for the host to check with mtools
//   read    reads the files the host made and prints what it found
//   list    lists /disk (also what a corrupt disk's mount left behind)
//   open <path>  opens a file and reports the error value and problem, if any
//   readall <path>  File.ReadAllBytes: an error is an uncaught IOException
string mode = args.Length > 0 ? args[0] : "list";
bool mounted = Vfs.Current.DirectoryExists("/disk") && Vfs.Current.Mounts.Count > 1;
Console.WriteLine("fs-fat: disk " + (mounted ? "mounted" : "not mounted"));
if (!mounted)
    return 3;

switch (mode)
{
    case "write":
        Directory.CreateDirectory("/disk/Guest Dir/nested");
        File.WriteAllText("/disk/GUEST.TXT", "written by the guest\n");
        File.WriteAllText("/disk/Guest Dir/nested/A long file name written in the guest.txt", "long name content\n");
        using (FileStream stream = File.Open("/disk/Guest Dir/big.bin", FileMode.Create, FileAccess.Write))
        {
            byte[] block = new byte[4096];
            for (int i = 0; i < 256; i++)
            {
                for (int j = 0; j < block.Length; j++)
                    block[j] = (byte)(i * 7 + j);
                stream.Write(block, 0, block.Length);
            }
        }
        File.WriteAllText("/disk/to-delete.txt", "gone");
        File.Delete("/disk/to-delete.txt");
        File.WriteAllText("/disk/old name.txt", "renamed");
        File.Move("/disk/old name.txt", "/disk/new name.txt");
        Console.WriteLine("fs-fat: write done");
        return 0;

    case "read":
        foreach (string path in Directory.GetFiles("/disk/host"))
        {
            byte[] bytes = File.ReadAllBytes(path);
            uint sum = 0;
            for (int i = 0; i < bytes.Length; i++)
                sum = sum * 31 + bytes[i];
            Console.WriteLine("file " + path + " " + bytes.Length.ToString() + " bytes sum " + sum.ToString());
        }
        Console.WriteLine("text " + File.ReadAllText("/disk/host/Hello From The Host.txt").Trim());
        Console.WriteLine("fs-fat: read done");
        return 0;

    case "list":
        FsError error = Vfs.Current.ReadDirectory("/disk", out FsEntry[] entries);
        Console.WriteLine("list: " + FsErrors.Describe(error) + ", " + entries.Length.ToString() + " entries");
        foreach (FsEntry entry in entries)
            Console.WriteLine("entry " + entry.Name + (entry.IsDirectory ? "/" : " " + entry.Length.ToString()));
        return 0;

    case "open":
        error = Vfs.Current.Open(args[1], OpenMode.Read, out VfsFile? file);
        string problem = error == FsError.Corrupt ? Vfs.Current.LastProblem : "";
        Console.WriteLine("open " + args[1] + ": " + FsErrors.Describe(error) + (problem.Length > 0 ? ": " + problem : ""));
        if (file is not null)
        {
            byte[] buffer = new byte[4096];
            long total = 0;
            while (file.Read(buffer, out int count) == FsError.None && count > 0)
                total += count;
            Console.WriteLine("read " + total.ToString() + " bytes");
            file.Close();
        }
        return 0;
}
if (mode == "readall")
{
    Console.WriteLine("read " + File.ReadAllBytes(args[1]).Length.ToString() + " bytes");
    return 0;
}
Console.WriteLine("unknown mode " + mode);
return 2;
