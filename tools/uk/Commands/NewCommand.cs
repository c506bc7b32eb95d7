using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using Unikraft.Cli.Catalog;
using Unikraft.Cli.Infrastructure;
using Unikraft.Cli.Templates;

namespace Unikraft.Cli.Commands;

public sealed partial class NewCommand : UkCommand<NewCommand.Settings>
{
    public sealed class Settings : UkSettings
    {
        [CommandArgument(0, "<name>")]
        [Description("application and image name (letters, digits, - and _)")]
        public string Name { get; set; } = "";

        [CommandOption("-t|--template <TEMPLATE>")]
        [Description("console (default: a collected heap and threads), dotnet (.NET's own base class library: LINQ, async, NuGet), hello (the smallest image), httpserver or kvstore")]
        [DefaultValue("console")]
        public string Template { get; set; } = "console";

        [CommandOption("--sdk")]
        [Description("make a project on the Unikraft.Sdk package even inside a clone of the repository (the default outside one)")]
        public bool Sdk { get; set; }

        [CommandOption("-o|--output <DIR>")]
        [Description("folder to create (default: apps/<name> in the repository, else ./<name>)")]
        public string? Output { get; set; }

        public override ValidationResult Validate() =>
            NamePattern().IsMatch(Name)
                ? ValidationResult.Success()
                : ValidationResult.Error($"'{Name}' cannot name an application: start with a letter, then letters, digits, - or _.");
    }

    protected override int Run(Settings settings)
    {
        var template = AppTemplate.Load(settings.Template);
        var found = Repository.TryFind(settings.Output is null ? null : Path.GetDirectoryName(Path.GetFullPath(settings.Output)));
        // Outside any clone of the repository (or in a project on the SDK), the app is a
        // project on the Unikraft.Sdk package.
        var repository = found is { IsSdkPackage: false } && !settings.Sdk ? found : null;
        string cwd = Directory.GetCurrentDirectory();
        bool inRepository = repository is not null && Repository.TryFindFrom(cwd)?.Root == repository.Root;
        string target = Path.GetFullPath(settings.Output ?? (inRepository ? Path.Combine(repository!.Root, "apps", settings.Name) : settings.Name));
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new UkException($"{target} already exists and is not empty: pick another name or --output folder.");

        // Under apps/ or tests/apps/ the folder's Directory.Build.* add the image build; elsewhere
        // the app gets its own, importing it from this repository.
        bool buildsInPlace = repository is not null
            && (IsUnder(target, Path.Combine(repository.Root, "apps")) || IsUnder(target, Path.Combine(repository.Root, "tests", "apps")));
        var files = repository is null
            ? template.Render(settings.Name, repositoryRoot: null, sdkVersion: Repository.SdkVersion)
            : template.Render(settings.Name, buildsInPlace ? null : repository.Root);
        Directory.CreateDirectory(target);
        foreach (var (relative, content) in files)
        {
            string path = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        string shown = Relative(cwd, target);
        Ui.Success($"created {shown} from template {template.Name}: {string.Join(", ", files.Keys.Order())}");
        if (repository is null)
            Ui.Info($"  builds with the Unikraft.Sdk {Repository.SdkVersion} package (NuGet must find it: a nuget.config source, README: Applications outside the repository)");
        else if (!buildsInPlace)
            Ui.Info($"  builds with the repository at {repository.Root} (recorded in Directory.Build.props)");
        if (repository is not null)
            ReportMissingLibraries(template, repository);
        string argument = inRepository && settings.Output is null ? settings.Name : shown;
        Ui.Info("next:");
        Ui.Info($"  uk build {argument}     # ELF + ISO in {Path.Combine(shown, "bin/Debug")}/");
        Ui.Info($"  uk run {argument}       # boot it in QEMU (Ctrl-C stops it)");
        Ui.Info($"  uk config {argument}    # pick libraries and options");
        return 0;
    }

    private static void ReportMissingLibraries(AppTemplate template, Repository repository)
    {
        if (template.Needs.Count == 0)
            return;
        var catalog = LibraryCatalog.Load(repository);
        var missing = template.Needs.Where(n => catalog.Find(n) is null).ToList();
        if (missing.Count > 0)
            Ui.Warn($"template {template.Name} needs libraries that the catalog at {repository.Root} does not have: {string.Join(", ", missing)}. " +
                    "Its build stops at them (unknown library) until the repository has them.");
        else
            Ui.Info($"  the libraries it needs are in the catalog: uk config --add {string.Join(" --add ", template.Needs)}");
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string from, string to)
    {
        string relative = Path.GetRelativePath(from, to);
        return relative.StartsWith("..", StringComparison.Ordinal) ? to : relative;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
