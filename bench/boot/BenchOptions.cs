using System;
using System.Globalization;

namespace Unikraft.Bench.Boot;

/// <summary>Command-line options: <c>[--runs N] [--elf path] [--iso path] [--skip-build] [--goals]</c>.</summary>
public sealed record BenchOptions(int Runs, string? Elf, string? Iso, bool SkipBuild, bool GoalsOnly)
{
    public const string Usage =
        "usage: dotnet run --project bench/boot -c Release -- [--runs 5] [--elf path] [--iso path] [--skip-build] [--goals]";

    public static BenchOptions Parse(string[] args)
    {
        int runs = 5;
        string? elf = null, iso = null;
        bool skipBuild = false, goalsOnly = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    string value = Next(args, ref i);
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1)
                        throw new BenchException($"--runs expects a positive integer, got '{value}'.");
                    break;
                case "--elf": elf = Next(args, ref i); break;
                case "--iso": iso = Next(args, ref i); break;
                case "--skip-build": skipBuild = true; break;
                case "--goals": goalsOnly = true; break;
                case "-h":
                case "--help":
                    throw new BenchException(Usage);
                default:
                    throw new BenchException($"unknown argument '{args[i]}'.\n{Usage}");
            }
        }
        return new BenchOptions(runs, elf, iso, skipBuild, goalsOnly);
    }

    static string Next(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
            throw new BenchException($"{args[i]} expects a value.");
        return args[++i];
    }
}
