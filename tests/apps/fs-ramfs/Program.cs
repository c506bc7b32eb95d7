using System;
using System.IO;
using Uk.Vfs;

// Each check prints "ok <what>" or "FAIL <what>: <detail>"; the boot test reads them.
int failures = 0;

void Check(bool condition, string what, string detail = "")
{
    Console.WriteLine((condition ? "ok " : "FAIL ") + what + (condition || detail.Length == 0 ? "" : ": " + detail));
    if (!condition)
        failures++;
}

// The mounts the kernel command line asked for (vfs.fstab=...) or the manifest's.
MountTable mounts = Vfs.Current.Mounts;
for (int i = 0; i < mounts.Count; i++)
    Console.WriteLine("mount " + mounts.PointAt(i) + " " + mounts.FileSystemAt(i).TypeName);

Directory.CreateDirectory("/data/logs");
Check(Directory.Exists("/data/logs"), "create nested directories");
File.WriteAllText("/data/logs/today.txt", "first line\n");
File.AppendAllText("/data/logs/today.txt", "second line: caf\u00e9\n");
string[] lines = File.ReadAllLines("/data/logs/today.txt");
Check(lines.Length == 2 && lines[0] == "first line" && lines[1] == "second line: caf\u00e9", "write, append and read text", string.Join("|", lines));

using (FileStream stream = File.Open("/data/blob.bin", FileMode.Create, FileAccess.ReadWrite))
{
    byte[] block = new byte[1000];
    for (int i = 0; i < block.Length; i++)
        block[i] = (byte)i;
    for (int i = 0; i < 50; i++)
        stream.Write(block, 0, block.Length);
    stream.Flush();
    Check(stream.Length == 50000, "stream length", stream.Length.ToString());
    stream.Seek(-1000, SeekOrigin.End);
    byte[] back = new byte[1000];
    int read = stream.Read(back, 0, back.Length);
    Check(read == 1000 && back[0] == 0 && back[999] == unchecked((byte)999), "seek from the end and read");
    stream.SetLength(10);
    Check(stream.Length == 10 && stream.ReadByte() == -1, "truncate");
}

File.Move("/data/blob.bin", "/data/small.bin");
Check(!File.Exists("/data/blob.bin") && File.ReadAllBytes("/data/small.bin").Length == 10, "move");
string[] files = Directory.GetFiles("/data");
string[] dirs = Directory.GetDirectories("/data");
Check(files.Length == 1 && files[0] == "/data/small.bin" && dirs.Length == 1 && dirs[0] == "/data/logs", "list a directory", string.Join(",", files) + " " + string.Join(",", dirs));
File.Delete("/data/small.bin");
File.Delete("/data/never-there");
Check(Directory.GetFiles("/data").Length == 0, "delete");

// System.IO's exceptions can be caught.
try
{
    File.ReadAllText("/no/such/dir/file.txt");
    Check(false, "a missing file throws");
}
catch (FileNotFoundException e)
{
    Check(e.Message.Contains("/no/such/dir/file.txt") && e.FileName == "/no/such/dir/file.txt", "FileNotFoundException caught", e.Message);
}
try
{
    Directory.Delete("/data");
    Check(false, "deleting a non-empty directory throws");
}
catch (IOException e)
{
    Check(e.Message.StartsWith("directory not empty"), "IOException caught", e.Message);
}

// The Try-style path: errors as values, with their text.
FsError error = Vfs.Current.Open("/no/such/file", OpenMode.Read, out VfsFile? missing);
Check(error == FsError.NotFound && missing is null, "missing file is an error value", FsErrors.Describe(error));
error = Vfs.Current.CreateDirectory("/" + new string('n', 300));
Check(error == FsError.NameTooLong, "name too long", FsErrors.Describe(error));
Check(Vfs.Current.Delete("/data") == FsError.DirectoryNotEmpty, "non-empty directory is not deleted");

if (mounts.Count > 1)
{
    File.WriteAllText("/tmp/on-second-mount", "x");
    Check(File.Exists("/tmp/on-second-mount") && Vfs.Current.Rename("/tmp/on-second-mount", "/moved") == FsError.CrossDevice, "second mount from the kernel command line");
}

// The collections the file code and kvstore use (corlib List/Dictionary).
var list = new System.Collections.Generic.List<string>();
for (int i = 0; i < 100; i++)
    list.Add("item" + i.ToString());
list.RemoveAt(0);
list.Insert(5, "inserted");
list.Sort((a, b) => string.CompareOrdinal(a, b));
Check(list.Count == 100 && list[0] == "inserted" && list[1] == "item1" && list.Contains("item99") && !list.Contains("item0") && list.IndexOf("item10") == 2, "List<T>", list.Count.ToString() + " " + list[0] + " " + list[1]);
var map = new System.Collections.Generic.Dictionary<string, int>();
for (int i = 0; i < 1000; i++)
    map["key" + i.ToString()] = i;
for (int i = 0; i < 1000; i += 2)
    map.Remove("key" + i.ToString());
map["key1"] = -1;
bool added = map.TryAdd("key3", 0);
int sum = 0;
foreach (var pair in map)
    sum += pair.Value;
Check(map.Count == 500 && map["key999"] == 999 && map["key1"] == -1 && !added && !map.ContainsKey("key500") && map.TryGetValue("key501", out int v501) && v501 == 501 && sum == 250000 - 2, "Dictionary<TKey, TValue>", map.Count.ToString() + " sum " + sum.ToString());
var byNumber = new System.Collections.Generic.Dictionary<long, string>();
byNumber[1L << 40] = "big";
byNumber[7] = "seven";
Check(byNumber[1L << 40] == "big" && byNumber[7] == "seven" && byNumber.Count == 2, "Dictionary with value-type keys");

if (args.Length > 0 && args[0] == "readline")
{
    Console.WriteLine("type two lines");
    string? first = Console.ReadLine();
    string? second = Console.ReadLine();
    Console.WriteLine("line 1 [" + first + "] line 2 [" + second + "]");
}

Console.WriteLine(failures == 0 ? "all file checks passed" : failures.ToString() + " file checks failed");
if (args.Length > 0 && args[0] == "missing")
    File.ReadAllBytes("/not/there.txt");
return failures;
