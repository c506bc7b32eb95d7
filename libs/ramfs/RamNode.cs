using System;

namespace Uk.RamFs;

// A file or a directory in memory. Directories keep their children in an array in creation
// order; files keep their bytes in a buffer that grows by doubling.
internal sealed class RamNode
{
    public RamNode(string name, bool isDirectory)
    {
        Name = name;
        IsDirectory = isDirectory;
    }

    public string Name { get; set; }

    public bool IsDirectory { get; }

    public RamNode[] Children = new RamNode[0];

    public int ChildCount;

    public byte[] Data = new byte[0];

    public long Length;

    public RamNode? Find(string name)
    {
        for (int i = 0; i < ChildCount; i++)
        {
            if (Children[i].Name == name)
                return Children[i];
        }
        return null;
    }

    public void Add(RamNode child)
    {
        if (ChildCount == Children.Length)
        {
            RamNode[] larger = new RamNode[Children.Length == 0 ? 4 : Children.Length * 2];
            for (int i = 0; i < ChildCount; i++)
                larger[i] = Children[i];
            Children = larger;
        }
        Children[ChildCount++] = child;
    }

    public void Remove(RamNode child)
    {
        for (int i = 0; i < ChildCount; i++)
        {
            if (Children[i] != child)
                continue;
            for (int j = i; j < ChildCount - 1; j++)
                Children[j] = Children[j + 1];
            ChildCount--;
            return;
        }
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
