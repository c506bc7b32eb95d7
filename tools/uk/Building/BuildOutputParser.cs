using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Unikraft.Cli.Building;

// Reads `dotnet build` output line by line: the "uk:" step lines of tools/build/Unikernel.targets
// (timed from one to the next), image sizes, and errors in their shortest useful form.
public sealed partial class BuildOutputParser
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<BuildStep> _steps = [];
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, long> _sizes = [];
    private (string Name, string Detail, TimeSpan Start)? _current;

    public event Action<BuildStep>? StepFinished;

    public IReadOnlyList<BuildStep> Steps => _steps;
    public IReadOnlyList<string> Errors => _errors;
    public IReadOnlyDictionary<string, long> Sizes => _sizes;

    public void Add(string line)
    {
        var step = StepPattern().Match(line);
        if (step.Success)
        {
            string name = step.Groups["name"].Value;
            string detail = step.Groups["detail"].Value.Trim();
            var size = SizePattern().Match(name + " " + detail);
            if (size.Success)
            {
                _sizes[size.Groups["file"].Value] = long.Parse(size.Groups["bytes"].Value);
                Finish();
                return;
            }
            Finish();
            if (name == "resolving")
                (name, detail) = ("resolve", "unikernel.yaml, then C# compile");
            if (detail.StartsWith("->", StringComparison.Ordinal))
                detail = Path.GetFileName(detail[2..].Trim());
            _current = (name, detail, _clock.Elapsed);
            return;
        }
        var error = ErrorPattern().Match(line);
        if (error.Success)
        {
            string text = Shorten(error);
            if (!_errors.Contains(text))
                _errors.Add(text);
        }
    }

    public void Complete() => Finish();

    private void Finish()
    {
        if (_current is not { } current)
            return;
        var step = new BuildStep(current.Name, current.Detail, _clock.Elapsed - current.Start);
        _steps.Add(step);
        _current = null;
        StepFinished?.Invoke(step);
    }

    // "/x/Unikernel.targets(62,5): error : apps/a/unikernel.yaml:4: error: unknown ... [/x/a.csproj]"
    //   -> "apps/a/unikernel.yaml:4: error: unknown ..."
    // "/x/Program.cs(3,1): error CS0103: The name 'x' ... [/x/a.csproj]" -> "/x/Program.cs:3: error CS0103: ..."
    private static string Shorten(Match error)
    {
        string message = error.Groups["message"].Value.Trim();
        if (InnerLocated().IsMatch(message))
            return message;
        string file = error.Groups["file"].Value.Trim();
        string where = error.Groups["line"].Success ? $"{file}:{error.Groups["line"].Value}" : file;
        string code = error.Groups["code"].Value;
        return $"{where}: error{(code.Length > 0 ? " " + code : "")}: {message}";
    }

    [GeneratedRegex(@"^\s*uk: (?<name>\S+)\s*(?<detail>.*)$")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"^(?<file>\S+) (?<bytes>\d+) bytes$")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*?)(\((?<line>\d+)(,\d+)*\))?\s*: error\s*(?<code>[A-Z]+\d+)?\s*:\s*(?<message>.*?)(\s+\[[^\]]+\])?\s*$")]
    private static partial Regex ErrorPattern();

    [GeneratedRegex(@"^\S+:\d+: error")]
    private static partial Regex InnerLocated();
}
