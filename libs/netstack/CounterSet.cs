namespace Uk.Net;

// Named counters kept in one array so counting costs an increment; NetStatistics and
// TcpStatistics name theirs. Names starting "drop-" count refused input.
public abstract class CounterSet
{
    private readonly string[] _names;

    protected CounterSet(string[] names)
    {
        _names = names;
        Counts = new ulong[names.Length];
    }

    protected ulong[] Counts { get; }

    // Sum of every drop-* counter: what was refused, for whatever reason.
    public ulong TotalDrops
    {
        get
        {
            ulong sum = 0;
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i].StartsWith("drop-"))
                    sum += Counts[i];
            }
            return sum;
        }
    }

    // One "name value" line per counter; nonZeroOnly leaves the quiet ones out.
    public string Render(bool nonZeroOnly = false)
    {
        string text = "";
        for (int i = 0; i < _names.Length; i++)
        {
            if (nonZeroOnly && Counts[i] == 0)
                continue;
            text += _names[i] + " " + Counts[i].ToString() + "\n";
        }
        return text;
    }
}
