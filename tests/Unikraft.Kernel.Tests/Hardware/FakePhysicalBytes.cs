using Uk.Drivers.Acpi;

namespace Unikraft.Kernel.Tests.Hardware;

// Physical memory made of the byte arrays a test places; everything else is unreadable.
internal sealed class FakePhysicalBytes : IPhysicalBytes
{
    private readonly List<(ulong Address, byte[] Bytes)> _regions = new();

    public FakePhysicalBytes Place(ulong address, byte[] bytes)
    {
        _regions.Add((address, bytes));
        return this;
    }

    public bool TryRead(ulong address, Span<byte> destination)
    {
        foreach ((ulong start, byte[] bytes) in _regions)
        {
            if (address >= start && address + (ulong)destination.Length <= start + (ulong)bytes.Length)
            {
                bytes.AsSpan((int)(address - start), destination.Length).CopyTo(destination);
                return true;
            }
        }
        return false;
    }
}
