using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Unikraft.Bench.Net;

// wrk's figures for one run: requests/s, the latency percentiles of --latency (milliseconds),
// and errors (socket errors of every kind plus non-2xx/3xx answers). Shared with the boot
// tests (HttpServerSoakBootTests), which run wrk through their own process runner.
public sealed partial record WrkResult(double RequestsPerSecond, double P50, double P90, double P99, long Requests, long Errors)
{
    // wrk's command line for GET path on the host's forwarded port; header: one more request
    // header ("Connection: close" for a connection per request).
    public static IReadOnlyList<string> Arguments(int port, int threads, int connections, int seconds, string? header = null, string path = "/")
    {
        var arguments = new List<string>
        {
            "-t" + threads.ToString(CultureInfo.InvariantCulture), "-c" + connections.ToString(CultureInfo.InvariantCulture),
            "-d" + seconds.ToString(CultureInfo.InvariantCulture) + "s", "--timeout", "5s", "--latency",
        };
        if (header is not null)
            arguments.AddRange(["-H", header]);
        arguments.Add("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + path);
        return arguments;
    }

    public static WrkResult Parse(string output)
    {
        Match rps = Regex.Match(output, @"Requests/sec:\s*([\d.]+)");
        Match total = Regex.Match(output, @"(\d+) requests in");
        if (!rps.Success || !total.Success)
            throw new FormatException("cannot read wrk's output:\n" + output);
        long errors = 0;
        Match socket = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
        if (socket.Success)
            for (int i = 1; i <= 4; i++) errors += long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture);
        Match non2xx = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)");
        if (non2xx.Success) errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        return new WrkResult(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50"), Percentile(output, "90"), Percentile(output, "99"),
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture), errors);
    }

    private static double Percentile(string output, string percent)
    {
        Match m = Regex.Match(output, @"^\s*" + percent + @"%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success) return double.NaN;
        double value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }
}
