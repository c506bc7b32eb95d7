using Spectre.Console;
using Unikraft.Cli.Catalog;
using Unikraft.Cli.Infrastructure;
using Unikraft.Cli.Manifest;

namespace Unikraft.Cli.Commands;

// The interactive side of uk config: libraries picked by API, options with typed prompts.
public static class ConfigMenu
{
    public static void Show(ManifestDocument document, LibraryCatalog catalog)
    {
        Ui.Info("libraries: " + string.Join(" ", document.Libraries));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("option", "value", "type", "description");
        var inImage = catalog.Libraries.Where(l => !l.IsSelectable || document.Libraries.Contains(l.Name));
        foreach (var library in inImage)
        {
            foreach (var option in library.Options)
            {
                string key = library.Name + "." + option.Name;
                bool set = document.Options.TryGetValue(key, out string? value);
                table.AddRow(Markup.Escape(key), set ? Markup.Escape(value!) : $"[grey]{Markup.Escape(option.DefaultText)} (default)[/]",
                    Markup.Escape(option.TypeText), Markup.Escape(option.Description));
            }
        }
        Ui.Out.Write(table);
    }

    // false when the user cancelled.
    public static bool Edit(ManifestDocument document, LibraryCatalog catalog)
    {
        var console = Ui.Out;
        var selectable = catalog.Libraries.Where(l => l.IsSelectable).ToList();
        var prompt = new MultiSelectionPrompt<string>()
            .Title("Libraries in the image ([blue]space[/] toggles, [green]enter[/] accepts):")
            .NotRequired()
            .PageSize(15)
            .UseConverter(name => name.StartsWith("api:", StringComparison.Ordinal)
                ? $"[bold]{Markup.Escape(name[4..])}[/]"
                : $"{Markup.Escape(name)} [grey]{Markup.Escape(catalog.Find(name)?.Description ?? "")}[/]");
        // Grouped by the API each library provides; libraries providing none under "other".
        foreach (var group in selectable.GroupBy(l => l.Provides.FirstOrDefault() ?? "other").OrderBy(g => g.Key == "other").ThenBy(g => g.Key))
            prompt.AddChoiceGroup("api:" + group.Key, group.Select(l => l.Name));
        foreach (string name in document.Libraries.Where(n => catalog.Find(n) is not null))
            prompt.Select(name);
        var chosen = console.Prompt(prompt).Where(n => !n.StartsWith("api:", StringComparison.Ordinal)).ToList();

        foreach (string name in document.Libraries.Except(chosen).ToList())
            document.RemoveLibrary(name);
        foreach (string name in chosen)
            document.AddLibrary(name);

        var configurable = catalog.Libraries.Where(l => l.Options.Count > 0 && (!l.IsSelectable || chosen.Contains(l.Name))).ToList();
        while (true)
        {
            var which = new SelectionPrompt<string>().Title("Set options of:").AddChoices(configurable.Select(l => l.Name)).AddChoices("(done)");
            string library = console.Prompt(which);
            if (library == "(done)")
                break;
            foreach (var option in catalog.Find(library)!.Options)
                EditOption(document, library, option);
        }
        Show(document, catalog);
        return console.Prompt(new ConfirmationPrompt("Write unikernel.yaml?"));
    }

    private static void EditOption(ManifestDocument document, string library, LibraryOption option)
    {
        string key = library + "." + option.Name;
        string current = document.Options.TryGetValue(key, out string? value) ? value : option.DefaultText;
        string title = $"{Markup.Escape(key)} [grey]({Markup.Escape(option.Description)})[/]";
        string answer;
        if (option.Type == "enum" && option.Values is { } values)
            answer = Ui.Out.Prompt(new SelectionPrompt<string>().Title(title).AddChoices(values.OrderBy(v => v != current)));
        else if (option.Type == "bool")
            answer = Ui.Out.Prompt(new ConfirmationPrompt(title) { DefaultValue = current == "true" }) ? "true" : "false";
        else
            answer = Ui.Out.Prompt(new TextPrompt<string>(title).DefaultValue(current).Validate(text =>
                OptionValueChecker.Check(key, option, text) is { } error ? ValidationResult.Error(error) : ValidationResult.Success()));
        if (answer != current)
            document.SetOption(key, answer);
    }
}
