namespace Uk.Core;

// Which thread's stack guard page an address lies in, so a page fault there is reported as
// that thread's stack overflow. The scheduler provides the lookup.
public static unsafe class StackGuards
{
    private const ulong PageSize = 4096;

    private static delegate*<ulong, string?> s_lookup;
    private static ulong s_bootStackGuard;

    public static void SetLookup(delegate*<ulong, string?> lookup) => s_lookup = lookup;

    // The platform's guard page below the boot stack, where Main runs without a scheduler.
    public static void SetBootStackGuard(ulong page) => s_bootStackGuard = page;

    // The unmapped page below the boot stack (0 if none): whoever reads the image's .bss as a
    // whole must step over it.
    public static ulong BootStackGuard => s_bootStackGuard;

    public const ulong GuardPageSize = PageSize;

    // The owning thread's name, or null if address is in no guard page.
    public static string? Owner(ulong address)
    {
        if (s_bootStackGuard != 0 && address >= s_bootStackGuard && address < s_bootStackGuard + PageSize)
            return s_lookup == null ? "main" : "boot";
        return s_lookup != null ? s_lookup(address) : null;
    }
}
