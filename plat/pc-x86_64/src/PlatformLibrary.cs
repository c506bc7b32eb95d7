using Uk.Core;

namespace Uk.Plat.PcX86_64;

// The platform's init step: reports what kmain set up before any console existed.
public static class PlatformLibrary
{
    private static int s_pageTables;
    private static ulong s_pagingCycles;

    internal static void RecordPaging(int tables, ulong cycles)
    {
        s_pageTables = tables;
        s_pagingCycles = cycles;
    }

    public static void Initialize() =>
        Log.Info("paging: 4 GiB identity map, page 0 unmapped, text RX, rodata R, data RW, NX on; "
            + s_pageTables.ToString() + " tables in " + s_pagingCycles.ToString() + " cycles");
}
