using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Unikraft.Cli.Catalog;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Commands;

public sealed class LsCommand : UkCommand<LsCommand.Settings>
{
    public sealed class Settings : UkSettings
    {
        [CommandOption("--json")]
        [Description("the catalog as JSON (tools/Unikraft.Build catalog --json)")]
        public bool Json { get; set; }
    }

    protected override int Run(Settings settings)
    {
        var repository = Repository.Find();
        string json = LibraryCatalog.LoadJson(repository);
        if (settings.Json)
        {
            Console.Out.Write(json);
            return 0;
        }
        var catalog = LibraryCatalog.Parse(json);
        var libraries = new Table().Border(TableBorder.Rounded).Title("libraries");
        libraries.AddColumns("library", "kind", "provides", "requires", "description");
        foreach (var library in catalog.Libraries)
        {
            string provides = string.Join(", ", library.Provides.Concat(library.Apis.Select(a => $"defines {a.Key} ({a.Value})")));
            libraries.AddRow(Cell(library.Name), Cell(library.Kind), Cell(provides), Cell(string.Join(", ", library.Requires)), Cell(library.Description));
        }
        Ui.Out.Write(libraries);

        var options = new Table().Border(TableBorder.Rounded).Title("options (set in unikernel.yaml, or uk config --set library.option=value)");
        options.AddColumns("option", "type", "default", "description");
        foreach (var library in catalog.Libraries)
        {
            foreach (var option in library.Options)
                options.AddRow(Cell(library.Name + "." + option.Name), Cell(option.TypeText), Cell(option.DefaultText), Cell(option.Description));
        }
        Ui.Out.Write(options);
        return 0;
    }

    private static Markup Cell(string text) => new(Markup.Escape(text.Length == 0 ? "-" : text));
}
