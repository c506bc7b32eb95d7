using System.Globalization;
using System.Text.RegularExpressions;

namespace Unikraft.Boot.Tests;

// The frames of the "stack trace:" a panic prints, as function names in order:
//   #0 0x0000000000101B00 Uk.Core.Kernel.Start+0x2a  →  "Uk.Core.Kernel.Start"
// A frame without a symbol ("?") is kept as "?".
internal static partial class PanicTrace
{
    public static List<string> Functions(HostProcessResult run)
    {
        int start = run.Lines.ToList().IndexOf("stack trace:");
        Assert.True(start >= 0, "no stack trace in:\n" + run.Output);
        var functions = new List<string>();
        foreach (string line in run.Lines.Skip(start + 1))
        {
            if (line.StartsWith("  ... the frame above ", StringComparison.Ordinal))
                continue;
            Match frame = Frame().Match(line);
            if (!frame.Success)
                break;
            Assert.Equal(functions.Count.ToString(CultureInfo.InvariantCulture), frame.Groups[1].Value);
            string function = frame.Groups[2].Value;
            functions.Add(function == "?" ? function : function.Substring(0, function.LastIndexOf("+0x", StringComparison.Ordinal)));
        }
        Assert.True(functions.Count > 0, "an empty stack trace in:\n" + run.Output);
        return functions;
    }

    [GeneratedRegex(@"^  #(\d+) 0x[0-9A-F]{16} (\?|.+\+0x[0-9a-f]+)$")]
    private static partial Regex Frame();
}
