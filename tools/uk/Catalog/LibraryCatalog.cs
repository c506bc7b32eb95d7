using System.Text.Json;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Catalog;

// The library catalog as tools/Unikraft.Build reports it (`catalog --json`); the tool is
// built first when it is missing.
public sealed class LibraryCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public List<Library> Libraries { get; set; } = [];

    public Library? Find(string name) => Libraries.FirstOrDefault(l => l.Name == name);

    public static LibraryCatalog Load(Repository repository) => Parse(LoadJson(repository));

    public static string LoadJson(Repository repository)
    {
        EnsureBuildTool(repository);
        var (code, output) = ProcessRunner.Capture("dotnet", [repository.BuildToolDll, "catalog", "--root", repository.Root, "--json"]);
        if (code != 0)
            throw new UkException("reading the library catalog failed:" + Environment.NewLine + output.Trim());
        return output;
    }

    public static LibraryCatalog Parse(string json) =>
        JsonSerializer.Deserialize<LibraryCatalog>(json, JsonOptions) ?? throw new UkException("the catalog tool printed no catalog");

    private static void EnsureBuildTool(Repository repository)
    {
        if (File.Exists(repository.BuildToolDll))
            return;
        Ui.Step("building tools/Unikraft.Build (first use)");
        var (code, output) = ProcessRunner.Capture("dotnet", ["build", Path.Combine(repository.Root, "tools/Unikraft.Build"), "-c", "Release", "-nologo", "-v:q", "-nodeReuse:false"]);
        if (code != 0)
            throw new UkException("building tools/Unikraft.Build failed:" + Environment.NewLine + output.Trim());
    }
}
