using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Unikraft.Bench.Sched;

// The lines the guest and the baseline print: "bench <name> <cycles per operation> ..." for a
// figure, "bench <name> n/a <reason>" for one that cannot be measured there, and
// "bench <name> <text>" for anything else (policy, counters), kept as text.
internal sealed class BenchLines
{
    private static readonly Regex Line = new Regex(@"^bench (\S+)(?: (.*))?$");
    private static readonly Regex Figure = new Regex(@"^(\d+(?:\.\d+)?)(?: |$)");

    public Dictionary<string, double> Figures { get; } = new Dictionary<string, double>();

    public Dictionary<string, string> Texts { get; } = new Dictionary<string, string>();

    public bool Done { get; private set; }

    public static BenchLines Parse(string output)
    {
        var lines = new BenchLines();
        foreach (string raw in output.Split('\n'))
        {
            Match match = Line.Match(raw.TrimEnd('\r'));
            if (!match.Success)
                continue;
            string name = match.Groups[1].Value, rest = match.Groups[2].Value;
            if (name == "done")
                lines.Done = true;
            lines.Texts[name] = rest;
            Match figure = Figure.Match(rest);
            if (figure.Success)
                lines.Figures[name] = double.Parse(figure.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return lines;
    }

    public static string Tail(string output, int count)
    {
        string[] lines = output.TrimEnd().Split('\n');
        return string.Join("\n", lines[Math.Max(0, lines.Length - count)..]);
    }
}
