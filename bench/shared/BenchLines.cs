using System.Collections.Generic;
using System.Globalization;

namespace Unikraft.Bench;

// The "bench <name> <field> <value> <field> <value> ..." lines that guest images and host runs
// print, read into name -> field -> value, and the medians over several boots.
public static class BenchLines
{
    public static Dictionary<string, Dictionary<string, double>> Parse(string output)
    {
        var result = new Dictionary<string, Dictionary<string, double>>();
        foreach (string line in output.Split('\n'))
        {
            string[] words = line.Trim().Split(' ');
            if (words.Length < 4 || words[0] != "bench")
                continue;
            var fields = new Dictionary<string, double>();
            for (int i = 2; i + 1 < words.Length; i += 2)
                fields[words[i]] = double.Parse(words[i + 1], CultureInfo.InvariantCulture);
            result[words[1]] = fields;
        }
        return result;
    }

    public static Dictionary<string, Dictionary<string, double>> Medians(List<Dictionary<string, Dictionary<string, double>>> runs)
    {
        var medians = new Dictionary<string, Dictionary<string, double>>();
        foreach (string name in runs[0].Keys)
        {
            medians[name] = new Dictionary<string, double>();
            foreach (string field in runs[0][name].Keys)
            {
                var values = new List<double>();
                foreach (var run in runs)
                    values.Add(run[name][field]);
                values.Sort();
                medians[name][field] = values[values.Count / 2];
            }
        }
        return medians;
    }
}
