using System.ComponentModel;
using Spectre.Console.Cli;
using Unikraft.Cli.Catalog;
using Unikraft.Cli.Infrastructure;
using Unikraft.Cli.Manifest;

namespace Unikraft.Cli.Commands;

// uk config: an interactive menu on a terminal; --add/--remove/--set for scripts. Every change
// is checked against the catalog and by the resolver before unikernel.yaml is written back,
// comments and layout kept; on any problem nothing is written.
public sealed class ConfigCommand : UkCommand<ConfigCommand.Settings>
{
    public sealed class Settings : AppSettings
    {
        [CommandOption("--set <LIB.OPTION=VALUE>")]
        [Description("set an option, e.g. uart16550.port=0x2F8 (repeatable)")]
        public string[] Set { get; set; } = [];

        [CommandOption("--add <LIBRARY>")]
        [Description("add a library to the image (repeatable)")]
        public string[] Add { get; set; } = [];

        [CommandOption("--remove <LIBRARY>")]
        [Description("remove a library and its options (repeatable)")]
        public string[] Remove { get; set; } = [];

        [CommandOption("--show")]
        [Description("print the libraries and options and change nothing")]
        public bool Show { get; set; }
    }

    protected override int Run(Settings settings)
    {
        var app = AppLocator.Resolve(settings.App);
        var catalog = LibraryCatalog.Load(app.Repository);
        string original = File.ReadAllText(app.Manifest);
        var document = new ManifestDocument(original);

        bool scripted = settings.Set.Length + settings.Add.Length + settings.Remove.Length > 0;
        if (settings.Show || (!scripted && (Console.IsInputRedirected || Console.IsOutputRedirected)))
        {
            ConfigMenu.Show(document, catalog);
            if (!settings.Show)
                Ui.Info("(not a terminal: use --add LIBRARY, --remove LIBRARY, --set library.option=value)");
            return 0;
        }
        if (scripted)
        {
            var problems = ManifestEdit.Apply(document, catalog, settings.Add, settings.Remove, settings.Set);
            if (problems.Count > 0)
                throw new UkException($"{app.Manifest} not changed:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        }
        else if (!ConfigMenu.Edit(document, catalog))
        {
            Ui.Info("nothing written");
            return 0;
        }

        string updated = document.ToString();
        if (updated == original)
        {
            Ui.Info($"{app.Manifest}: no change");
            return 0;
        }
        var errors = ManifestValidator.Check(app.Repository, app.Manifest, updated);
        if (errors.Count > 0)
            throw new UkException($"{app.Manifest} not changed, the result would not build:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
        File.WriteAllText(app.Manifest, updated);
        Ui.Success($"wrote {app.Repository.Relative(app.Manifest)}");
        ConfigMenu.Show(new ManifestDocument(updated), catalog);
        return 0;
    }
}
