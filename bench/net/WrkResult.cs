using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Unikraft.Bench.Net;

// wrk's figures for one run: requests/s, the latency percentiles of --latency (milliseconds),
// and errors (socket errors of every kind plus non-2xx/3xx answers; ErrorKinds says which, as
// wrk counts them, for a failure's message). Shared with the boot tests
// (HttpServerSoakBootTests), which run wrk through their own process runner. Timeouts:
// requests unanswered within --timeout, counted in Errors too.
public sealed partial record WrkResult(double RequestsPerSecond, double P50, double P90, double P99, long Requests, long Errors, string ErrorKinds = "", double MaxLatency = double.NaN, long Timeouts = 0)
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
        long timeouts = 0;
        var kinds = new List<string>();
        Match socket = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
        if (socket.Success)
        {
            string[] names = ["connect", "read", "write", "timeout"];
            for (int i = 1; i <= 4; i++)
            {
                long count = long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture);
                errors += count;
                if (i == 4) timeouts = count;
                if (count > 0) kinds.Add(names[i - 1] + " " + count.ToString(CultureInfo.InvariantCulture));
            }
        }
        Match non2xx = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)");
        if (non2xx.Success)
        {
            errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
            kinds.Add("non-2xx " + non2xx.Groups[1].Value);
        }
        return new WrkResult(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50"), Percentile(output, "90"), Percentile(output, "99"),
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture), errors, string.Join(", ", kinds), MaxLatencyOf(output), timeouts);
    }

    // "Latency  avg  stdev  max  +/- stdev": the slowest answer, milliseconds.
    private static double MaxLatencyOf(string output)
    {
        Match m = Regex.Match(output, @"^\s*Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)\s", RegexOptions.Multiline);
        return m.Success ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
    }

    private static double Milliseconds(string value, string unit)
    {
        double number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch { "us" => number / 1000, "ms" => number, _ => number * 1000 };
    }

    private static double Percentile(string output, string percent)
    {
        Match m = Regex.Match(output, @"^\s*" + percent + @"%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success) return double.NaN;
        return Milliseconds(m.Groups[1].Value, m.Groups[2].Value);
    }
}
