using System.Text.Json;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Catalog;

// The library catalog as the build's resolver reads it (Unikraft.Build's catalog, in JSON).
public sealed class LibraryCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public List<Library> Libraries { get; set; } = [];

    public Library? Find(string name) => Libraries.FirstOrDefault(l => l.Name == name);

    public static LibraryCatalog Load(Repository repository) => Parse(LoadJson(repository));

    public static string LoadJson(Repository repository)
    {
        var diagnostics = new Unikraft.Build.Diagnostics.DiagnosticBag();
        var catalog = Unikraft.Build.Catalog.CatalogLoader.Load(repository.Root, diagnostics);
        if (diagnostics.HasErrors)
            throw new UkException("reading the library catalog failed:" + Environment.NewLine
                + string.Join(Environment.NewLine, diagnostics.Items.Select(d => d.ToString())));
        return Unikraft.Build.Cli.CatalogJsonFormatter.Format(catalog);
    }

    public static LibraryCatalog Parse(string json) =>
        JsonSerializer.Deserialize<LibraryCatalog>(json, JsonOptions) ?? throw new UkException("the catalog tool printed no catalog");
}
