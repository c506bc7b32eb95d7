using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Unikraft.Bench.Net;

// The side-by-side table: medians over the boots that succeeded, and unikernel/Linux ratios
// (above 1 means the unikernel does better: more requests, more MiB/s, less latency).
public static class Report
{
    public static void Print(List<Sample> unikernel, List<Sample> linux, string? unikernelName, int threads, int connections, int seconds, int bulkMegabytes, string memory, string device)
    {
        Console.WriteLine();
        Console.WriteLine($"wrk -t{threads} -c{connections} -d{seconds}s --latency on GET / (612 B), -m {memory}, {device} on slirp with hostfwd, TCG;");
        Console.WriteLine($"medians of {unikernel.Count} unikernel / {linux.Count} Linux boots; bulk = host downloads a {bulkMegabytes} MiB page (Linux) through hostfwd");
        bool hadUnikernel = unikernelName is not null;
        Console.WriteLine($"unikernel: {unikernelName ?? "none"}; Linux: busybox httpd");
        Console.WriteLine("| figure | unikernel | Linux | unikernel/Linux |");
        Console.WriteLine("|---|---|---|---|");
        Row("requests/s", unikernel, linux, s => s.Wrk.RequestsPerSecond, "0", higherIsBetter: true, hadUnikernel);
        Row("latency p50 (ms)", unikernel, linux, s => s.Wrk.P50, "0.00", higherIsBetter: false, hadUnikernel);
        Row("latency p90 (ms)", unikernel, linux, s => s.Wrk.P90, "0.00", higherIsBetter: false, hadUnikernel);
        Row("latency p99 (ms)", unikernel, linux, s => s.Wrk.P99, "0.00", higherIsBetter: false, hadUnikernel);
        Row("errors", unikernel, linux, s => s.Wrk.Errors, "0", higherIsBetter: null, hadUnikernel);
        Row("new connections/s (Connection: close)", unikernel, linux, s => s.Close.RequestsPerSecond, "0", higherIsBetter: true, hadUnikernel);
        Row("latency p99, Connection: close (ms)", unikernel, linux, s => s.Close.P99, "0.00", higherIsBetter: false, hadUnikernel);
        Row("errors, Connection: close", unikernel, linux, s => s.Close.Errors, "0", higherIsBetter: null, hadUnikernel);
        Row($"memory per idle connection (KiB, {IdleConnections.Count} open)", unikernel, linux, s => s.IdleConnectionKiB, "0.0", higherIsBetter: false, hadUnikernel);
        Row("bulk guest->host (MiB/s)", unikernel, linux, s => s.BulkMiBps, "0.0", higherIsBetter: true, hadUnikernel);
    }

    private static void Row(string name, List<Sample> unikernel, List<Sample> linux, Func<Sample, double?> figure, string format, bool? higherIsBetter, bool hadUnikernel)
    {
        double? u = Median(unikernel, figure);
        double? l = Median(linux, figure);
        string ratio = "-";
        if (u is double a && l is double b && higherIsBetter is bool higher && a > 0 && b > 0)
            ratio = (higher ? a / b : b / a).ToString("0.00", CultureInfo.InvariantCulture) + "x";
        string uText = hadUnikernel ? Text(u, format) : "(not run)";
        Console.WriteLine($"| {name} | {uText} | {Text(l, format)} | {ratio} |");
    }

    private static string Text(double? value, string format) => value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static double? Median(List<Sample> samples, Func<Sample, double?> figure)
    {
        double[] values = samples.Select(figure).Where(v => v is double d && !double.IsNaN(d)).Select(v => v!.Value).OrderBy(v => v).ToArray();
        if (values.Length == 0) return null;
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
    }
}
