using System.Collections.Generic;
using System.Text;
using Unikraft.Build.Catalog;
using Unikraft.Build.Options;

namespace Unikraft.Build.Cli;

/// <summary>The human-readable catalog: one table of libraries, one of options.</summary>
public static class CatalogTableFormatter
{
    private static readonly string[] s_libraryHeadings = ["NAME", "KIND", "PROVIDES", "REQUIRES", "DESCRIPTION"];
    private static readonly string[] s_optionHeadings = ["OPTION", "TYPE", "DEFAULT", "DESCRIPTION"];

    public static string Format(LibraryCatalog catalog)
    {
        var libraries = new List<string[]> { s_libraryHeadings };
        var options = new List<string[]> { s_optionHeadings };
        foreach (var library in catalog.Libraries)
        {
            libraries.Add(new[]
            {
                library.Name, library.Kind.ToString().ToLowerInvariant(), Names(library.Provides), Names(library.Requires), library.Description,
            });
            foreach (var option in library.Options)
            {
                var type = option.Type == OptionType.Enum
                    ? "enum(" + string.Join("|", option.Values) + ")"
                    : option.Type.ToString().ToLowerInvariant();
                options.Add(new[] { library.Name + "." + option.Name, type, option.Default.Display, option.Description });
            }
        }

        var text = new StringBuilder();
        AppendTable(text, libraries);
        if (options.Count > 1)
        {
            text.Append('\n');
            AppendTable(text, options);
        }

        return text.ToString();
    }

    private static string Names(IReadOnlyList<NameReference> names)
    {
        if (names.Count == 0)
        {
            return "-";
        }

        var parts = new List<string>();
        foreach (var name in names)
        {
            parts.Add(name.Name);
        }

        return string.Join(",", parts);
    }

    private static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = System.Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}
