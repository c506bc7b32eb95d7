using Unikraft.Cli.Catalog;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Manifest;

// Applies --add, --remove and --set to a manifest after checking each against the catalog.
public static class ManifestEdit
{
    public static List<string> Apply(ManifestDocument document, LibraryCatalog catalog, IEnumerable<string> add, IEnumerable<string> remove, IEnumerable<string> set)
    {
        var problems = new List<string>();
        foreach (string name in add)
        {
            var library = catalog.Find(name);
            if (library is null)
                problems.Add($"unknown library '{name}'{Suggest(name, catalog.Libraries.Select(l => l.Name))}; uk ls lists the catalog");
            else if (!library.IsSelectable)
                problems.Add($"'{name}' is the {library.Kind}, always in the image: it cannot be added");
            else
                document.AddLibrary(name);
        }
        foreach (string name in remove)
        {
            if (!document.Libraries.Contains(name))
                problems.Add($"'{name}' is not in the manifest's libraries ({string.Join(", ", document.Libraries)})");
            else
                document.RemoveLibrary(name);
        }
        foreach (string assignment in set)
        {
            int equals = assignment.IndexOf('=');
            int dot = assignment.IndexOf('.');
            if (equals < 0 || dot < 0 || dot > equals)
            {
                problems.Add($"--set {assignment}: write it as library.option=value, e.g. uart16550.port=0x2F8");
                continue;
            }
            string qualified = assignment[..equals].Trim();
            string value = assignment[(equals + 1)..].Trim();
            string libraryName = qualified[..dot];
            string optionName = qualified[(dot + 1)..];
            var library = catalog.Find(libraryName);
            if (library is null)
            {
                problems.Add($"--set {qualified}: unknown library '{libraryName}'{Suggest(libraryName, catalog.Libraries.Select(l => l.Name))}");
                continue;
            }
            var option = library.Options.FirstOrDefault(o => o.Name == optionName);
            if (option is null)
            {
                string known = library.Options.Count == 0 ? "it has no options" : "its options: " + string.Join(", ", library.Options.Select(o => o.Name));
                problems.Add($"--set {qualified}: library '{libraryName}' has no option '{optionName}'{Suggest(optionName, library.Options.Select(o => o.Name))}; {known}");
                continue;
            }
            if (library.IsSelectable && !document.Libraries.Contains(libraryName))
            {
                problems.Add($"--set {qualified}: '{libraryName}' is not in the image; add it too: --add {libraryName}");
                continue;
            }
            if (OptionValueChecker.Check(qualified, option, value) is { } error)
            {
                problems.Add(error);
                continue;
            }
            document.SetOption(qualified, Quote(value));
        }
        return problems;
    }

    private static string Quote(string value) =>
        value.Length == 0 || value.IndexOfAny([':', '#', '[', ']', '{', '}', ',', '"', '\'']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\\\"") + "\""
            : value;

    private static string Suggest(string name, IEnumerable<string> known)
    {
        var best = known.Select(k => (k, d: Distance(name, k))).Where(x => x.d <= Math.Max(2, name.Length / 3)).OrderBy(x => x.d).FirstOrDefault();
        return best.k is null ? "" : $" (did you mean '{best.k}'?)";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
