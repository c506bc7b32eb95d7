using System;
using System.IO;
using System.Text;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Writes a cpio archive in the "newc" format the Linux kernel unpacks as an initramfs:
/// per entry a 110-byte ASCII header, the NUL-terminated name and the data, each padded to
/// 4 bytes; the archive ends with an entry named TRAILER!!!.
/// </summary>
public sealed class CpioWriter(Stream output)
{
    const int S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFCHR = 0x2000;
    int _inode = 1;

    public void Directory(string name) => Entry(name, S_IFDIR | 0x1ED, [], nlink: 2);

    public void File(string name, byte[] data, int permissions = 0x1ED) => Entry(name, S_IFREG | permissions, data);

    public void CharDevice(string name, int major, int minor) =>
        Entry(name, S_IFCHR | 0x180, [], rdevMajor: major, rdevMinor: minor);

    public void Finish() => Entry("TRAILER!!!", 0, [], inode: 0, nlink: 1);

    void Entry(string name, int mode, byte[] data, int nlink = 1, int rdevMajor = 0, int rdevMinor = 0, int? inode = null)
    {
        byte[] nameBytes = Encoding.ASCII.GetBytes(name + "\0");
        var header = new StringBuilder("070701");
        foreach (int field in (ReadOnlySpan<int>)[
            inode ?? _inode++, mode, 0, 0, nlink, 0, data.Length, 0, 0, rdevMajor, rdevMinor, nameBytes.Length, 0])
            header.Append(field.ToString("X8"));
        byte[] headerBytes = Encoding.ASCII.GetBytes(header.ToString());
        output.Write(headerBytes);
        output.Write(nameBytes);
        Pad(headerBytes.Length + nameBytes.Length);
        output.Write(data);
        Pad(data.Length);
    }

    void Pad(int length)
    {
        int pad = (4 - length % 4) % 4;
        for (int i = 0; i < pad; i++) output.WriteByte(0);
    }
}
