using Uk.Core;

namespace Uk.Plat.PcX86_64.Paging;

// x86-64 page-table entry bits (Intel SDM vol. 3, 4.5).
internal static class PageTableEntry
{
    public const ulong Present = 1UL << 0;
    public const ulong Writable = 1UL << 1;
    public const ulong WriteThrough = 1UL << 3;
    public const ulong CacheDisable = 1UL << 4;
    public const ulong LargePage = 1UL << 7;
    public const ulong NoExecute = 1UL << 63;
    public const ulong AddressMask = 0x000F_FFFF_FFFF_F000;

    // Intermediate levels grant everything; the leaf entry decides the rights.
    public const ulong TableFlags = Present | Writable;

    public static ulong Leaf(ulong physical, PageRights flags, bool large)
    {
        ulong entry = (physical & AddressMask) | Present;
        if ((flags & PageRights.Writable) != 0)
            entry |= Writable;
        if ((flags & PageRights.Executable) == 0)
            entry |= NoExecute;
        if ((flags & PageRights.CacheDisabled) != 0)
            entry |= CacheDisable | WriteThrough;
        if (large)
            entry |= LargePage;
        return entry;
    }

    public static PageRights FlagsOf(ulong entry)
    {
        PageRights flags = PageRights.None;
        if ((entry & Writable) != 0)
            flags |= PageRights.Writable;
        if ((entry & NoExecute) == 0)
            flags |= PageRights.Executable;
        if ((entry & CacheDisable) != 0)
            flags |= PageRights.CacheDisabled;
        return flags;
    }
}
