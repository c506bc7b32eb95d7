using System;
using System.Collections.Generic;
using System.Linq;

namespace Unikraft.Bench.Boot;

/// <summary>N timed boots of one path: the median of the successful runs, and every failure.</summary>
public sealed record BootSeries(string Name, IReadOnlyList<BootResult> Runs)
{
    public IEnumerable<double> Times => Runs.Where(r => r.Ok).Select(r => r.SecondsToLine!.Value);

    public int Failures => Runs.Count(r => !r.Ok);

    public double? Median
    {
        get
        {
            double[] t = [.. Times.Order()];
            if (t.Length == 0) return null;
            int mid = t.Length / 2;
            return t.Length % 2 == 1 ? t[mid] : (t[mid - 1] + t[mid]) / 2;
        }
    }

    public static BootSeries Measure(QemuBoot qemu, BootSpec spec, int runs)
    {
        var results = new List<BootResult>();
        for (int i = 1; i <= runs; i++)
        {
            BootResult r = qemu.Run(spec, spec.MemoryMiB);
            results.Add(r);
            Console.WriteLine(r.Ok
                ? $"  {spec.Name} run {i}/{runs}: {r.SecondsToLine:0.000} s"
                : $"  {spec.Name} run {i}/{runs}: FAILED: {r.Failure}");
        }
        return new BootSeries(spec.Name, results);
    }
}
