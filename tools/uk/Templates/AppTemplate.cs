using System.Text.RegularExpressions;

namespace Unikraft.Cli.Templates;

// An application template: the files of tools/templates/content/<name>/ (embedded in uk),
// with "ukapp" standing for the application's name and UK_REPO_ROOT for the repository.
public sealed partial class AppTemplate
{
    public const string SourceName = "ukapp";
    public static readonly string[] Names = ["console", "dotnet", "hello", "httpserver", "kvstore", "webapi"];
    private static readonly string[] OutsideRepositoryFiles = ["Directory.Build.props", "Directory.Build.targets"];

    private readonly Dictionary<string, string> _files;

    private AppTemplate(string name, Dictionary<string, string> files)
    {
        Name = name;
        _files = files;
    }

    public string Name { get; }

    // Libraries the template's manifest says it needs ("# needs: a b c").
    public IReadOnlyList<string> Needs
    {
        get
        {
            var match = NeedsPattern().Match(_files["unikernel.yaml"]);
            return match.Success ? match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        }
    }

    public static AppTemplate Load(string name)
    {
        if (!Names.Contains(name))
            throw new Infrastructure.UkException($"unknown template '{name}': use one of {string.Join(", ", Names)}.");
        var assembly = typeof(AppTemplate).Assembly;
        string prefix = $"template/{name}/";
        var files = new Dictionary<string, string>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            string relative = resource[prefix.Length..];
            if (relative.StartsWith(".template.config", StringComparison.Ordinal))
                continue;
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            files[relative] = reader.ReadToEnd();
        }
        if (!files.ContainsKey("unikernel.yaml"))
            throw new InvalidOperationException($"template {name} is not embedded in uk (no unikernel.yaml)");
        return new AppTemplate(name, files);
    }

    // The files to write, by relative path. repositoryRoot is set for an app outside apps/
    // that builds with a clone; sdkVersion for an app on the Unikraft.Sdk package (neither: an
    // app in a clone's apps/ folder).
    public IReadOnlyDictionary<string, string> Render(string appName, string? repositoryRoot, string? sdkVersion = null)
    {
        var result = new Dictionary<string, string>();
        foreach (var (path, text) in _files)
        {
            if (repositoryRoot is null && OutsideRepositoryFiles.Contains(path))
                continue;
            string content = (sdkVersion is null ? RepositoryBranch(text) : SdkBranch(text, sdkVersion))
                .Replace(SourceName, appName, StringComparison.Ordinal);
            if (repositoryRoot is not null)
                content = content.Replace("UK_REPO_ROOT", repositoryRoot.TrimEnd('/'), StringComparison.Ordinal);
            result[path.Replace(SourceName, appName, StringComparison.Ordinal)] = content;
        }
        return result;
    }

    // The templates' project files open with the Unikraft.Sdk package's project line for
    // `dotnet new`, and the repository's in the #else branch; uk builds against the repository.
    private static string RepositoryBranch(string text) => SdkConditional().Replace(text, "${repository}");

    private static string SdkBranch(string text, string sdkVersion) =>
        SdkConditional().Replace(text, "${sdk}").Replace("UK_SDK_VERSION", sdkVersion, StringComparison.Ordinal);

    [GeneratedRegex(@"<!--#if \(useSdk\) -->\n(?<sdk>.*?)<!--#else -->\n(?<repository>.*?)<!--#endif -->\n", RegexOptions.Singleline)]
    private static partial Regex SdkConditional();

    [GeneratedRegex(@"^#\s*needs:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex NeedsPattern();
}
