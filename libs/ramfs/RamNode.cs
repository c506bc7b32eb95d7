using System;
using System.Collections.Generic;

namespace Uk.RamFs;

// A file or a directory in memory. Directories keep their children in creation order; files keep their bytes in a buffer that grows by doubling.
internal sealed class RamNode
{
    public RamNode(string name, bool isDirectory)
    {
        Name = name;
        IsDirectory = isDirectory;
    }

    public string Name { get; set; }

    public bool IsDirectory { get; }

    public List<RamNode> Children { get; } = new List<RamNode>();

    public byte[] Data = Array.Empty<byte>();

    public long Length;

    public RamNode? Find(string name)
    {
        foreach (RamNode child in Children)
        {
            if (child.Name == name)
                return child;
        }
        return null;
    }

    public void EnsureCapacity(long length)
    {
        if (length <= Data.Length)
            return;
        long capacity = Data.Length == 0 ? 64 : Data.Length;
        while (capacity < length)
            capacity *= 2;
        byte[] larger = new byte[(int)capacity];
        new ReadOnlySpan<byte>(Data, 0, (int)Length).CopyTo(larger);
        Data = larger;
    }
}
