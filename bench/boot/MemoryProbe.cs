using System;
using System.Linq;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Binary search for the smallest -m (MiB) at which a guest still prints its ready line and
/// exits cleanly. Assumes "boots" is monotonic in memory. -no-reboot makes a triple fault or
/// panic end QEMU at once instead of looping until the timeout.
/// </summary>
public static class MemoryProbe
{
    public sealed record Result(int? SmallestMiB, int LowMiB, int HighMiB)
    {
        /// <summary>"2 MiB", "≤16 MiB" when even the lower bound boots, "&gt;64 MiB" when nothing does.</summary>
        public string Display => SmallestMiB switch
        {
            null => $">{HighMiB} MiB",
            int m when m == LowMiB => $"<={m} MiB",
            int m => $"{m} MiB",
        };
    }

    public static Result Search(QemuBoot qemu, BootSpec spec, int low, int high)
    {
        bool Boots(int mib)
        {
            BootResult r = qemu.Run(spec, mib, noReboot: true);
            Console.WriteLine($"  {spec.Name} -m {mib}M: {(r.Ok ? "ok" : "fails")}");
            return r.Ok;
        }

        if (!Boots(high)) return new Result(null, low, high);
        int lo = low, hi = high;     // invariant: hi boots; everything below lo is known not to
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (Boots(mid)) hi = mid; else lo = mid + 1;
        }
        return new Result(hi, low, high);
    }
}
