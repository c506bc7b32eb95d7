using System.Runtime.InteropServices;
using Uk.Drivers.Virtio;

namespace Unikraft.Virtio.Tests;

// Zeroed, page-aligned native memory standing in for the guest RAM a ring lives in.
internal sealed unsafe class RingMemory : IDisposable
{
    public RingMemory(ushort size)
    {
        Layout = new RingLayout(size);
        Base = (byte*)NativeMemory.AlignedAlloc((nuint)Layout.TotalBytes, 4096);
        NativeMemory.Clear(Base, (nuint)Layout.TotalBytes);
    }

    public RingLayout Layout { get; }

    public byte* Base { get; }

    public void Dispose() => NativeMemory.AlignedFree(Base);
}
