namespace Uk.Core;

// Which thread's stack guard page an address lies in, so a page fault there is reported as
// that thread's stack overflow. The scheduler provides the lookup.
public static unsafe class StackGuards
{
    private static delegate*<ulong, string?> s_lookup;

    public static void SetLookup(delegate*<ulong, string?> lookup) => s_lookup = lookup;

    // The owning thread's name, or null if address is in no guard page.
    public static string? Owner(ulong address) => s_lookup != null ? s_lookup(address) : null;
}
