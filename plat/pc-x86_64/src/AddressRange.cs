namespace Uk.Plat.PcX86_64;

// [Start, End) in physical memory.
internal struct AddressRange
{
    public AddressRange(ulong start, ulong end)
    {
        Start = start;
        End = end;
    }

    public ulong Start;
    public ulong End;
}
