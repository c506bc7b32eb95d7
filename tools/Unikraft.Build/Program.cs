using System;
using System.IO;
using Unikraft.Build.Cli;

namespace Unikraft.Build;

public static class Program
{
    private const string Usage =
        "usage:\n"
        + "  Unikraft.Build resolve --manifest <apps/NAME/unikernel.yaml> --root <repo root> --out <dir>\n"
        + "  Unikraft.Build catalog --root <repo root> [--json]\n"
        + "  Unikraft.Build typenames --object <ilc output .o> --assemblies <name,name,...> --out <file.asm> [--symbols <file.asm>] [--metadata <assembly.dll;...>]\n"
        + "  Unikraft.Build unserved --object <ilc output .o> --others <object.o;...> --out <file.asm>\n"
        + "  Unikraft.Build strip-sections --elf <linked image.elf> --out <bootable image.elf>\n"
        + "  Unikraft.Build image-files --list <path TAB source lines> --out <ImageFiles.g.cs>\n"
        + "  Unikraft.Build console-font --font <font.psf[.gz]> --out <ConsoleFont.g.cs>\n"
        + "  Unikraft.Build bcl-check --sources <file.cs;...> --assemblies <image assembly;...> --framework <reference assembly dir> --manifest <unikernel.yaml>\n"
        + "  Unikraft.Build ilc-failure --log <ILC output> --assemblies <image assembly;...> --manifest <unikernel.yaml> --bcl <minimal|dotnet>\n";

    // The options that take no value.
    private static readonly string[] s_flags = ["json"];

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The whole tool behind a testable seam: arguments in, exit code and text out.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 1 && (args[0] == "--help" || args[0] == "-h" || args[0] == "help"))
        {
            stdout.Write(Usage);
            return 0;
        }

        var commandLine = CommandLine.Parse(args, s_flags, out var error);
        if (commandLine is null)
        {
            return UsageError(stderr, error!);
        }

        switch (commandLine.Command)
        {
            case "resolve":
            {
                var unknown = commandLine.Unknown("manifest", "root", "out");
                var manifest = commandLine.Get("manifest");
                var root = commandLine.Get("root");
                var output = commandLine.Get("out");
                if (unknown.Count > 0)
                {
                    return UsageError(stderr, "unknown option " + string.Join(", ", unknown) + " for 'resolve'");
                }

                if (manifest is null || root is null || output is null)
                {
                    return UsageError(stderr, "'resolve' needs --manifest, --root and --out");
                }

                if (!Directory.Exists(root))
                {
                    return UsageError(stderr, $"root directory '{root}' does not exist");
                }

                return ResolveCommand.Run(manifest, root, output, new TextBuildLog(stdout, stderr));
            }

            case "catalog":
            {
                var unknown = commandLine.Unknown("root", "json");
                var root = commandLine.Get("root");
                if (unknown.Count > 0)
                {
                    return UsageError(stderr, "unknown option " + string.Join(", ", unknown) + " for 'catalog'");
                }

                if (root is null)
                {
                    return UsageError(stderr, "'catalog' needs --root");
                }

                if (!Directory.Exists(root))
                {
                    return UsageError(stderr, $"root directory '{root}' does not exist");
                }

                return CatalogCommand.Run(root, commandLine.Has("json"), stdout, stderr);
            }

            case "typenames":
            {
                var unknown = commandLine.Unknown("object", "assemblies", "out", "symbols", "metadata");
                var objectPath = commandLine.Get("object");
                var assemblies = commandLine.Get("assemblies");
                var output = commandLine.Get("out");
                if (unknown.Count > 0)
                {
                    return UsageError(stderr, "unknown option " + string.Join(", ", unknown) + " for 'typenames'");
                }

                if (objectPath is null || assemblies is null || output is null)
                {
                    return UsageError(stderr, "'typenames' needs --object, --assemblies and --out");
                }

                return ExitCode(TypeNamesCommand.Run(objectPath, List(assemblies, ','), output, commandLine.Get("symbols"), commandLine.Get("metadata") is string metadata ? List(metadata, ';') : null, new TextBuildLog(stdout, stderr)));
            }

            case "unserved":
            {
                var unknown = commandLine.Unknown("object", "others", "out");
                var objectPath = commandLine.Get("object");
                var others = commandLine.Get("others");
                var output = commandLine.Get("out");
                if (unknown.Count > 0)
                {
                    return UsageError(stderr, "unknown option " + string.Join(", ", unknown) + " for 'unserved'");
                }

                if (objectPath is null || others is null || output is null)
                {
                    return UsageError(stderr, "'unserved' needs --object, --others and --out");
                }

                return ExitCode(UnservedCommand.Run(objectPath, List(others, ';'), output, new TextBuildLog(stdout, stderr)));
            }

            case "strip-sections":
            {
                var unknown = commandLine.Unknown("elf", "out");
                var elf = commandLine.Get("elf");
                var output = commandLine.Get("out");
                if (unknown.Count > 0)
                {
                    return UsageError(stderr, "unknown option " + string.Join(", ", unknown) + " for 'strip-sections'");
                }

                if (elf is null || output is null)
                {
                    return UsageError(stderr, "'strip-sections' needs --elf and --out");
                }

                return ExitCode(StripSectionsCommand.Run(elf, output, new TextBuildLog(stdout, stderr)));
            }

            case "image-files":
            {
                var unknown = commandLine.Unknown("list", "out");
                var list = commandLine.Get("list");
                var output = commandLine.Get("out");
                if (unknown.Count > 0)
                {
                    return UsageError(stderr, "unknown option " + string.Join(", ", unknown) + " for 'image-files'");
                }

                if (list is null || output is null)
                {
                    return UsageError(stderr, "'image-files' needs --list and --out");
                }

                return ExitCode(ImageFilesCommand.Run(list, output, new TextBuildLog(stdout, stderr)));
            }

            case "console-font":
            {
                var unknown = commandLine.Unknown("font", "out");
                var font = commandLine.Get("font");
                var output = commandLine.Get("out");
                if (unknown.Count > 0)
                {
                    return UsageError(stderr, "unknown option " + string.Join(", ", unknown) + " for 'console-font'");
                }

                if (font is null || output is null)
                {
                    return UsageError(stderr, "'console-font' needs --font and --out");
                }

                return ExitCode(ConsoleFontCommand.Run(font, output, new TextBuildLog(stdout, stderr)));
            }

            case "bcl-check":
            {
                var unknown = commandLine.Unknown("sources", "assemblies", "framework", "manifest");
                var sources = commandLine.Get("sources");
                var assemblies = commandLine.Get("assemblies");
                var framework = commandLine.Get("framework");
                var manifest = commandLine.Get("manifest");
                if (unknown.Count > 0)
                {
                    return UsageError(stderr, "unknown option " + string.Join(", ", unknown) + " for 'bcl-check'");
                }

                if (sources is null || assemblies is null || framework is null || manifest is null)
                {
                    return UsageError(stderr, "'bcl-check' needs --sources, --assemblies, --framework and --manifest");
                }

                return ExitCode(BclCheckCommand.Run(List(sources, ';'), List(assemblies, ';'), framework, manifest, new TextBuildLog(stdout, stderr)));
            }

            case "ilc-failure":
            {
                var unknown = commandLine.Unknown("log", "assemblies", "manifest", "bcl");
                var log = commandLine.Get("log");
                var assemblies = commandLine.Get("assemblies");
                var manifest = commandLine.Get("manifest");
                var bcl = commandLine.Get("bcl");
                if (unknown.Count > 0)
                {
                    return UsageError(stderr, "unknown option " + string.Join(", ", unknown) + " for 'ilc-failure'");
                }

                if (log is null || assemblies is null || manifest is null || bcl is not ("minimal" or "dotnet"))
                {
                    return UsageError(stderr, "'ilc-failure' needs --log, --assemblies, --manifest and --bcl minimal|dotnet");
                }

                IlcFailureCommand.Run(log, List(assemblies, ';'), manifest, bcl == "minimal", new TextBuildLog(stdout, stderr));
                // The build has failed whatever the explanation: exit code 1 always.
                return 1;
            }

            default:
                return UsageError(stderr, $"unknown command '{commandLine.Command}'");
        }
    }

    private static int ExitCode(bool succeeded) => succeeded ? 0 : 1;

    private static string[] List(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine("Unikraft.Build: error: " + message);
        stderr.Write(Usage);
        return 1;
    }
}
