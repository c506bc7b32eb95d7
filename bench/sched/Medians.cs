using System.Collections.Generic;

namespace Unikraft.Bench.Sched;

// Per-figure medians over several runs of the same image or program. Each run already reports
// the median of its rounds; this takes the median of those (a run that lacks a figure adds nothing).
internal sealed class Medians
{
    private readonly Dictionary<string, List<double>> _values = new Dictionary<string, List<double>>();

    public int Runs { get; private set; }

    public BenchLines? Last { get; private set; }

    public void Add(BenchLines lines)
    {
        Runs++;
        Last = lines;
        foreach (KeyValuePair<string, double> figure in lines.Figures)
        {
            if (!_values.TryGetValue(figure.Key, out List<double>? values))
                _values[figure.Key] = values = new List<double>();
            values.Add(figure.Value);
        }
    }

    public double? Get(string name)
    {
        if (!_values.TryGetValue(name, out List<double>? values) || values.Count == 0)
            return null;
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    // The text after the name on the last run ("n/a <reason>", a policy name, counters).
    public string? Text(string name) => Last is not null && Last.Texts.TryGetValue(name, out string? text) ? text : null;
}
