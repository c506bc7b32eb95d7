using Uk.Core;

namespace Uk.Plat.PcX86_64;

// The platform's init step: reports what kmain set up before any console existed.
public static class PlatformLibrary
{
    private static int s_modules;
    private static ulong s_moduleBytes;
    private static int s_pageTables;
    private static ulong s_pagingCycles;

    internal static void RecordPaging(int tables, ulong cycles)
    {
        s_pageTables = tables;
        s_pagingCycles = cycles;
    }

    internal static void RecordModules(int count, ulong bytes)
    {
        s_modules = count;
        s_moduleBytes = bytes;
    }

    public static void Initialize()
    {
        HardwareRandom.Register(new MachineCpu());
        Log.Info("paging: 4 GiB identity map, page 0 unmapped, text RX, rodata R, data RW, NX on; "
            + s_pageTables.ToString() + " tables in " + s_pagingCycles.ToString() + " cycles");
        if (s_modules > 0)
            Log.Info("boot modules: " + s_modules.ToString() + ", " + (s_moduleBytes / 1024).ToString() + " KiB kept out of the heap");
    }
}
