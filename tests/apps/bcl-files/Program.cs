using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

// Ordinary System.IO code, unmodified: each line is compared with host .NET's output. The
// work happens in a fresh folder under the working directory (the host twin's project
// folder; the root of the guest's ramfs). Paths printed are relative, so both agree.
const string Root = "bcl-files-work";
if (Directory.Exists(Root))
    Directory.Delete(Root, recursive: true);

Section("directories");
DirectoryInfo rootInfo = Directory.CreateDirectory(Root);
Check("created", rootInfo.Exists + " " + rootInfo.Name + " " + Directory.Exists(Root));
Check("full path under cwd", (Path.GetFullPath(Root) == Path.Combine(Directory.GetCurrentDirectory(), Root)).ToString());
Directory.CreateDirectory(P("a/b/c"));
Check("nested", Directory.Exists(P("a/b/c")) + " " + Directory.Exists(P("a/b")));
Check("create again is fine", Directory.CreateDirectory(P("a/b")).Exists.ToString());

Section("text files");
File.WriteAllText(P("hello.txt"), "hello, file\nsecond line\n");
Check("exists", File.Exists(P("hello.txt")) + " " + File.Exists(P("nothing.txt")));
Check("read text", Escape(File.ReadAllText(P("hello.txt"))));
File.AppendAllText(P("hello.txt"), "appended é ü 漢字\n");
Check("after append", Escape(File.ReadAllText(P("hello.txt"))));
Check("lines", string.Join("|", File.ReadAllLines(P("hello.txt"))));
Check("read lines lazily", string.Join("|", File.ReadLines(P("hello.txt")).Select(line => line.Length)));
Check("length", new FileInfo(P("hello.txt")).Length.ToString());
File.WriteAllLines(P("lines.txt"), new[] { "one", "two", "three" });
Check("write lines", Escape(File.ReadAllText(P("lines.txt"))));
File.AppendAllLines(P("lines.txt"), new[] { "four" });
Check("append lines", File.ReadAllLines(P("lines.txt")).Length.ToString());
File.WriteAllText(P("hello.txt"), "short");
Check("overwrite truncates", File.ReadAllText(P("hello.txt")));
File.WriteAllText(P("utf16.txt"), "wide ✓", Encoding.Unicode);
Check("utf-16 round trip", File.ReadAllText(P("utf16.txt")) + " " + new FileInfo(P("utf16.txt")).Length);

Section("bytes");
byte[] data = Enumerable.Range(0, 10000).Select(i => (byte)(i * 7)).ToArray();
File.WriteAllBytes(P("data.bin"), data);
byte[] back = File.ReadAllBytes(P("data.bin"));
Check("bytes round trip", back.Length + " " + back.SequenceEqual(data));
File.AppendAllBytes(P("data.bin"), new byte[] { 1, 2, 3 });
Check("append bytes", new FileInfo(P("data.bin")).Length.ToString());

Section("copy move delete");
File.Copy(P("data.bin"), P("copy.bin"));
Check("copy", File.ReadAllBytes(P("copy.bin")).Take(10003).SequenceEqual(File.ReadAllBytes(P("data.bin"))).ToString());
File.Copy(P("hello.txt"), P("copy.bin"), overwrite: true);
Check("copy overwrite", File.ReadAllText(P("copy.bin")));
File.Move(P("copy.bin"), P("a/moved.txt"));
Check("move", File.Exists(P("copy.bin")) + " " + File.ReadAllText(P("a/moved.txt")));
File.Move(P("lines.txt"), P("a/moved.txt"), overwrite: true);
Check("move overwrite", File.ReadAllLines(P("a/moved.txt"))[0]);
File.Delete(P("a/moved.txt"));
Check("delete", File.Exists(P("a/moved.txt")).ToString());
File.Delete(P("never-there.txt"));
Check("delete missing is fine", "yes");

Section("enumeration");
File.WriteAllText(P("a/one.txt"), "1");
File.WriteAllText(P("a/two.log"), "22");
File.WriteAllText(P("a/b/three.txt"), "333");
Check("files", Names(Directory.GetFiles(P("a"))));
Check("directories", Names(Directory.GetDirectories(P("a"))));
Check("entries", Names(Directory.GetFileSystemEntries(P("a"))));
Check("pattern", Names(Directory.GetFiles(P("a"), "*.txt")));
Check("recursive", Names(Directory.GetFiles(P("a"), "*", SearchOption.AllDirectories)));
Check("enumerate", Names(Directory.EnumerateFiles(P("a"), "*.txt", SearchOption.AllDirectories)));
DirectoryInfo aInfo = new DirectoryInfo(P("a"));
Check("info files", string.Join(",", aInfo.GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Name + ":" + f.Length)));
Check("info dirs", string.Join(",", aInfo.EnumerateDirectories().Select(d => d.Name + "/" + d.Parent!.Name)));
Check("info entries", string.Join(",", aInfo.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Select(i => i.Name + (i is DirectoryInfo ? "/" : "")).OrderBy(n => n, StringComparer.Ordinal)));

Section("file and directory info");
FileInfo info = new FileInfo(P("a/one.txt"));
Check("file info", info.Name + " " + info.Extension + " " + info.Exists + " " + info.Length + " " + info.Directory!.Name + " " + info.DirectoryName!.EndsWith("a"));
Check("attributes", File.GetAttributes(P("a/one.txt")) + " " + File.GetAttributes(P("a")));
Check("is read-only", info.IsReadOnly.ToString());
FileInfo copied = info.CopyTo(P("a/one-copy.txt"));
Check("copy to", copied.Exists + " " + File.ReadAllText(copied.FullName));
copied.MoveTo(P("a/b/one-moved.txt"));
Check("move to", copied.Name + " " + File.Exists(P("a/one-copy.txt")));
copied.Delete();
copied.Refresh();
Check("deleted", copied.Exists.ToString());
FileInfo later = new FileInfo(P("a/later.txt"));
Check("before create", later.Exists.ToString());
using (StreamWriter writer = later.CreateText())
    writer.Write("made by FileInfo");
later.Refresh();
Check("after create", later.Exists + " " + later.Length);
DirectoryInfo sub = aInfo.CreateSubdirectory("sub");
Check("subdirectory", sub.Exists + " " + sub.Parent!.Name);
sub.MoveTo(P("a/b/sub2"));
Check("directory moved", sub.Name + " " + Directory.Exists(P("a/sub")) + " " + Directory.Exists(P("a/b/sub2")));
Directory.Move(P("a/b/sub2"), P("sub3"));
Check("directory move", Directory.Exists(P("sub3")).ToString());
Directory.Delete(P("sub3"));
Check("directory delete", Directory.Exists(P("sub3")).ToString());

Section("file stream");
using (FileStream stream = new FileStream(P("stream.bin"), FileMode.Create, FileAccess.ReadWrite))
{
    Check("new stream", stream.Length + " " + stream.Position + " " + stream.CanRead + stream.CanWrite + stream.CanSeek);
    stream.Write(Encoding.ASCII.GetBytes("0123456789"));
    Check("after write", stream.Length + " " + stream.Position);
    stream.Position = 3;
    byte[] three = new byte[3];
    int read = stream.Read(three);
    Check("read at 3", read + " " + Encoding.ASCII.GetString(three) + " " + stream.Position);
    Check("seek end", stream.Seek(-2, SeekOrigin.End).ToString());
    Check("read byte", ((char)stream.ReadByte()).ToString());
    stream.Seek(20, SeekOrigin.Begin);
    stream.WriteByte((byte)'!');
    Check("write past end", stream.Length.ToString());
    stream.SetLength(5);
    Check("set length", stream.Length + " " + stream.Position);
    stream.Position = 0;
    Check("read to end", Encoding.ASCII.GetString(ReadAll(stream)));
    stream.Flush(flushToDisk: true);
}
using (FileStream append = new FileStream(P("stream.bin"), FileMode.Append))
{
    Check("append position", append.Position + " " + append.CanRead);
    append.Write("abc"u8);
}
Check("appended", File.ReadAllText(P("stream.bin")));
using (FileStream truncate = new FileStream(P("stream.bin"), FileMode.Truncate))
    Check("truncate", truncate.Length.ToString());
using (FileStream big = File.Create(P("big.bin"), bufferSize: 4096))
{
    for (int i = 0; i < 300; i++)
        big.Write(data, 0, 1000);
}
Check("big file", new FileInfo(P("big.bin")).Length.ToString());
using (FileStream reading = File.OpenRead(P("big.bin")))
{
    byte[] chunk = new byte[777];
    long total = 0;
    int count;
    int sum = 0;
    while ((count = reading.Read(chunk, 0, chunk.Length)) > 0)
    {
        total += count;
        for (int i = 0; i < count; i++)
            sum += chunk[i];
    }
    Check("read in chunks", total + " " + sum);
}

Section("readers and writers");
using (StreamWriter writer = new StreamWriter(P("text.txt")))
{
    writer.WriteLine("first");
    writer.WriteLine("second line, with ü");
    writer.Write("no newline at end");
}
using (StreamReader reader = new StreamReader(P("text.txt")))
{
    Check("peek", ((char)reader.Peek()).ToString());
    string? line;
    int number = 0;
    while ((line = reader.ReadLine()) != null)
        Check("line " + ++number, line);
    Check("end", (reader.Peek() < 0).ToString());
}
using (StreamWriter writer = File.AppendText(P("text.txt")))
    writer.Write("\nmore");
Check("append text", File.ReadAllLines(P("text.txt")).Length.ToString());
using (StreamReader reader = File.OpenText(P("text.txt")))
    Check("read to end", reader.ReadToEnd().Length.ToString());
using (BinaryWriter binary = new BinaryWriter(File.Open(P("binary.bin"), FileMode.Create)))
{
    binary.Write(42);
    binary.Write(3.5);
    binary.Write("text");
}
using (BinaryReader binary = new BinaryReader(File.OpenRead(P("binary.bin"))))
    Check("binary", binary.ReadInt32() + " " + binary.ReadDouble() + " " + binary.ReadString());

Section("async");
await File.WriteAllTextAsync(P("async.txt"), "async text\nline two\n");
Check("read async", Escape(await File.ReadAllTextAsync(P("async.txt"))));
Check("lines async", (await File.ReadAllLinesAsync(P("async.txt"))).Length.ToString());
await File.AppendAllTextAsync(P("async.txt"), "three\n");
Check("bytes async", (await File.ReadAllBytesAsync(P("async.txt"))).Length.ToString());
using (FileStream stream = new FileStream(P("async.bin"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, useAsync: true))
{
    await stream.WriteAsync(data.AsMemory(0, 5000));
    stream.Position = 0;
    byte[] buffer = new byte[5000];
    int total = 0;
    while (total < buffer.Length)
    {
        int count = await stream.ReadAsync(buffer.AsMemory(total));
        if (count == 0)
            break;
        total += count;
    }
    Check("stream async", total + " " + buffer.AsSpan().SequenceEqual(data.AsSpan(0, 5000)) + " " + stream.IsAsync);
}
using (StreamReader reader = new StreamReader(P("async.txt")))
{
    List<string> lines = new List<string>();
    string? line;
    while ((line = await reader.ReadLineAsync()) != null)
        lines.Add(line);
    Check("reader async", string.Join("|", lines));
}
int[] lengths = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
{
    string path = P("parallel" + i + ".txt");
    await File.WriteAllTextAsync(path, new string('x', 100 * (i + 1)));
    return (await File.ReadAllTextAsync(path)).Length;
}));
Check("parallel async", string.Join(",", lengths));

Section("paths");
Check("combine", Path.Combine("x", "y", "z.txt"));
Check("parts", Path.GetFileName("x/y/z.tar.gz") + " " + Path.GetExtension("x/y/z.tar.gz") + " " + Path.GetFileNameWithoutExtension("x/y/z.tar.gz") + " " + Path.GetDirectoryName("x/y/z.tar.gz"));
Check("change extension", Path.ChangeExtension("x/y/z.txt", ".md"));
Check("rooted", Path.IsPathRooted("/x") + " " + Path.IsPathRooted("x") + " " + Path.IsPathFullyQualified("/x/y"));
Check("relative", Path.GetRelativePath(Path.GetFullPath(Root), Path.GetFullPath(P("a/b/c"))));
Check("full path normalises", (Path.GetFullPath(P("a/../a/./b")) == Path.GetFullPath(P("a/b"))).ToString());
Check("separators", Path.DirectorySeparatorChar + " " + Path.AltDirectorySeparatorChar + " " + Path.PathSeparator);
Check("invalid chars", Path.GetInvalidFileNameChars().Length + " " + Path.GetInvalidPathChars().Length);

Section("errors");
Error("read missing file", () => File.ReadAllText(P("missing.txt")));
Error("read in missing directory", () => File.ReadAllText(P("nowhere/missing.txt")));
Error("open missing file", () => new FileStream(P("missing.txt"), FileMode.Open).Dispose());
Error("write in missing directory", () => File.WriteAllText(P("nowhere/x.txt"), "x"));
Error("create new existing", () => new FileStream(P("big.bin"), FileMode.CreateNew).Dispose());
Error("truncate missing", () => new FileStream(P("missing.txt"), FileMode.Truncate).Dispose());
Error("delete non-empty directory", () => Directory.Delete(P("a")));
Error("delete missing directory", () => Directory.Delete(P("nowhere")));
Error("list missing directory", () => Directory.GetFiles(P("nowhere")));
Error("enumerate missing directory", () => new DirectoryInfo(P("nowhere")).GetFiles());
Error("copy missing file", () => File.Copy(P("missing.txt"), P("copy.txt")));
Error("copy onto existing", () => File.Copy(P("big.bin"), P("data.bin")));
Error("move missing file", () => File.Move(P("missing.txt"), P("moved.txt")));
Error("move onto existing", () => File.Move(P("big.bin"), P("data.bin")));
Error("move directory onto existing", () => Directory.Move(P("a/b"), P("a")));
Error("move missing directory", () => Directory.Move(P("nowhere"), P("elsewhere")));
Error("directory where a file is", () => Directory.CreateDirectory(P("big.bin")));
Error("file where a directory is", () => File.WriteAllText(P("a"), "x"));
Error("read a directory", () => File.ReadAllText(P("a")));
Error("file as a directory", () => File.ReadAllText(P("big.bin/inner.txt")));
Error("delete a directory as a file", () => File.Delete(P("a")));
Error("delete a file as a directory", () => Directory.Delete(P("big.bin")));
Error("length of missing file", () => new FileInfo(P("missing.txt")).Length.ToString());
Error("attributes of missing file", () => File.GetAttributes(P("missing.txt")));
Error("write to read-only stream", () =>
{
    using FileStream stream = File.OpenRead(P("big.bin"));
    stream.WriteByte(1);
});
Error("read from write-only stream", () =>
{
    using FileStream stream = File.OpenWrite(P("big.bin"));
    stream.ReadByte();
});
Error("seek before start", () =>
{
    using FileStream stream = File.OpenRead(P("big.bin"));
    stream.Seek(-1, SeekOrigin.Begin);
});
Error("empty path", () => File.ReadAllText(""));
Error("closed stream", () =>
{
    FileStream stream = File.OpenRead(P("big.bin"));
    stream.Dispose();
    stream.ReadByte();
});

Section("clean up");
Directory.Delete(Root, recursive: true);
Check("removed", Directory.Exists(Root).ToString());
Console.WriteLine("done");

static string P(string relative) => Path.Combine(Root, relative);

static void Section(string name) => Console.WriteLine("== " + name);

static void Check(string name, string value) => Console.WriteLine(name + ": " + value);

static string Escape(string text) => text.Replace("\n", "\\n");

// Names relative to the work folder, sorted: directory order is the file system's own.
static string Names(IEnumerable<string> paths) =>
    string.Join(",", paths.Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/')).OrderBy(name => name, StringComparer.Ordinal));

static byte[] ReadAll(Stream stream)
{
    MemoryStream memory = new MemoryStream();
    stream.CopyTo(memory);
    return memory.ToArray();
}

// The exception's type and whether it says something: the texts name full paths, which
// differ between the host and the guest.
static void Error(string name, Action action)
{
    try
    {
        action();
        Check(name, "no exception");
    }
    catch (Exception exception)
    {
        Check(name, exception.GetType().Name + (exception.Message.Length > 0 ? " with a message" : " without a message"));
    }
}
