using System.Collections.Generic;

namespace Unikraft.Build.Cli;

/// <summary>"command --name value --flag" arguments. Deliberately tiny: the tool is driven by
/// MSBuild with a fixed argument shape, so no general-purpose parser is warranted.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options;

    private CommandLine(string command, Dictionary<string, string?> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="flags"/> are the options that take no value.</summary>
    public static CommandLine? Parse(IReadOnlyList<string> args, ICollection<string> flags, out string? error)
    {
        error = null;
        if (args.Count == 0)
        {
            error = "no command given";
            return null;
        }

        var options = new Dictionary<string, string?>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", System.StringComparison.Ordinal) || arg.Length == 2)
            {
                error = $"unexpected argument '{arg}'";
                return null;
            }

            var name = arg.Substring(2);
            if (options.ContainsKey(name))
            {
                error = $"option '{arg}' given twice";
                return null;
            }

            if (flags.Contains(name))
            {
                options.Add(name, null);
            }
            else if (i + 1 < args.Count)
            {
                options.Add(name, args[++i]);
            }
            else
            {
                error = $"option '{arg}' needs a value";
                return null;
            }
        }

        return new CommandLine(args[0], options);
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var value) ? value : null;

    /// <summary>Names of given options that are not in <paramref name="known"/>.</summary>
    public List<string> Unknown(params string[] known)
    {
        var result = new List<string>();
        foreach (var name in _options.Keys)
        {
            if (System.Array.IndexOf(known, name) < 0)
            {
                result.Add("--" + name);
            }
        }

        return result;
    }
}
