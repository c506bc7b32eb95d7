using System.Text.Json;

namespace Unikraft.Cli.Catalog;

// One library.yaml as the catalog reports it.
public sealed class Library
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Provides { get; set; } = [];
    public List<string> Requires { get; set; } = [];
    public Dictionary<string, string> Apis { get; set; } = [];
    public List<LibraryOption> Options { get; set; } = [];

    public bool IsSelectable => Kind == "library";
}

public sealed class LibraryOption
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public JsonElement Default { get; set; }
    public List<string>? Values { get; set; }
    public string Description { get; set; } = "";

    public string TypeText => Type == "enum" && Values is not null ? $"enum({string.Join("|", Values)})" : Type;

    public string DefaultText => Default.ValueKind switch
    {
        JsonValueKind.Number when Type == "int" && Description.Contains("0x", StringComparison.OrdinalIgnoreCase) => "0x" + Default.GetInt64().ToString("X"),
        JsonValueKind.String => Default.GetString() ?? "",
        JsonValueKind.Undefined or JsonValueKind.Null => "-",
        _ => Default.GetRawText(),
    };
}
