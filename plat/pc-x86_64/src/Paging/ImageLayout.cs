namespace Uk.Plat.PcX86_64.Paging;

// Where the linker put the kernel's sections (see link.ld); page-aligned boundaries.
public readonly struct ImageLayout
{
    public ImageLayout(ulong textStart, ulong textEnd, ulong readOnlyEnd, ulong imageEnd)
    {
        TextStart = textStart;
        TextEnd = textEnd;
        ReadOnlyEnd = readOnlyEnd;
        ImageEnd = imageEnd;
    }

    // Boot stubs and code: read + execute.
    public ulong TextStart { get; }

    public ulong TextEnd { get; }

    // From TextEnd: read-only data, no execute.
    public ulong ReadOnlyEnd { get; }

    // From ReadOnlyEnd: data and bss, read-write, no execute.
    public ulong ImageEnd { get; }
}
